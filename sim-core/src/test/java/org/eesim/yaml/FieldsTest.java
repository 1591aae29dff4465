package org.eesim.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eesim.units.Units;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static final Path FILE = Path.of("f.yaml");
    private final Problems problems = new Problems();

    private Fields link(String yaml) {
        YamlNode root = YamlTree.parse(yaml, FILE, problems);
        YamlNode link = ((YamlNode.Mapping) root).entries().get("uplink");
        return Fields.of(link, problems, "bandwidth", "delay", "shared");
    }

    private List<String> messages() {
        return problems.list().stream().map(Problem::toString).toList();
    }

    @Test
    void unknownKeySuggestsTheClosestAndListsTheExpected() {
        link("uplink:\n  bandwith: 1 Mbps\n  colour: red\n");
        assertEquals(List.of(
                "f.yaml:2:3 uplink.bandwith: unknown key 'bandwith': did you mean 'bandwidth'?"
                        + " (expected one of: bandwidth, delay, shared)",
                "f.yaml:3:3 uplink.colour: unknown key 'colour' (expected one of: bandwidth, delay, shared)"),
                messages());
    }

    @Test
    void missingRequiredKeyIsLocatedAtTheParentKey() {
        Fields f = link("uplink:\n  delay: 5 ms\n");
        assertNull(f.quantity("bandwidth", Units.Kind.BITRATE));
        assertEquals(List.of("f.yaml:1:1 uplink.bandwidth: missing required key 'bandwidth'"), messages());
    }

    @Test
    void aMisspeltRequiredKeyIsReportedOnceAsTheTypo() {
        Fields f = link("uplink:\n  bandwith: 1 Mbps\n");
        assertNull(f.quantity("bandwidth", Units.Kind.BITRATE));
        assertEquals(List.of("f.yaml:2:3 uplink.bandwith: unknown key 'bandwith': did you mean 'bandwidth'?"
                + " (expected one of: bandwidth, delay, shared)"), messages());
        assertTrue(f.misspelt("bandwidth"));
    }

    @Test
    void defaultsApplyOnlyWhenAbsent() {
        Fields f = link("uplink: {bandwidth: 1 Mbps}\n");
        assertEquals(0.0, f.quantity("delay", Units.Kind.TIME, 0.0));
        assertEquals(Boolean.TRUE, f.bool("shared", true));
        assertTrue(problems.isEmpty());
    }

    @Test
    void typeMismatchesQuoteWhatWasWritten() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlTree.parse(
                "a: abc\nb: 2.5\nc: maybe\nd: [1]\ne:\nf: {x: 1}\ng: 99999999999\n", FILE, problems);
        Fields f = Fields.of(root, problems, "a", "b", "c", "d", "e", "f", "g");
        assertNull(f.number("a"));
        assertNull(f.integer("b"));
        assertNull(f.bool("c", false));
        assertNull(f.string("d"));
        assertNull(f.number("e"));
        assertNull(f.quantity("f", Units.Kind.TIME));
        assertNull(f.integer("g"));
        assertEquals(List.of(
                "f.yaml:1:4 a: expected a number, got 'abc'",
                "f.yaml:2:4 b: expected a whole number, got '2.5'",
                "f.yaml:3:4 c: expected true or false, got 'maybe'",
                "f.yaml:4:4 d: expected a string, got a list",
                "f.yaml:5:3 e: expected a number, got nothing",
                "f.yaml:6:4 f: expected a time such as '5 ms', got a mapping",
                "f.yaml:7:4 g: number out of range: '99999999999'"), messages());
    }

    @Test
    void yamlNotANumberAndInfinityAreReadAndRefused() {
        YamlNode root = YamlTree.parse("a: .nan\nb: -.inf\nc: 1\n", FILE, problems);
        Fields f = Fields.of(root, problems, "a", "b", "c");
        assertNull(f.number("a"));
        assertNull(f.number("b"));
        assertEquals(1.0, f.number("c"));
        assertEquals(List.of("f.yaml:1:4 a: expected a number, got '.nan' (not a number)",
                "f.yaml:2:4 b: number out of range: '-.inf'"), messages());
    }

    @Test
    void numbersWrittenAsFloatsOrStringsAreAcceptedWhenExact() {
        YamlNode root = YamlTree.parse("a: 2e4\nb: '1.5e-3'\n", FILE, problems);
        Fields f = Fields.of(root, problems, "a", "b");
        assertEquals(20000, f.integer("a"));
        assertEquals(1.5e-3, f.number("b"));
        assertTrue(problems.isEmpty());
    }

    @Test
    void choiceSuggests() {
        YamlNode root = YamlTree.parse("rule: max_sofmax\n", FILE, problems);
        assertNull(Fields.of(root, problems, "rule").choice("rule", List.of("max_softmax", "entropy"), "rule", "x"));
        assertEquals(List.of("f.yaml:1:7 rule: unknown rule 'max_sofmax': did you mean 'max_softmax'?"
                + " (expected one of: max_softmax, entropy)"), messages());
    }

    @Test
    void aSectionOfTheWrongTypeIsOneProblem() {
        YamlNode root = YamlTree.parse("uplink: 5\n", FILE, problems);
        Fields f = Fields.of(((YamlNode.Mapping) root).entries().get("uplink"), problems, "bandwidth");
        assertNull(f.quantity("bandwidth", Units.Kind.BITRATE));
        assertEquals(List.of("f.yaml:1:9 uplink: expected a mapping (key: value, ...), got '5'"), messages());
    }

    @Test
    void askingForAnUndeclaredKeyIsAProgrammingError() {
        Fields f = link("uplink: {}\n");
        assertThrows(IllegalStateException.class, () -> f.node("bandwidht"));
    }

    @Test
    void problemsPrintWithoutTheUnknownParts() {
        assertEquals("p: no such folder", new Problem(Path.of("p"), 0, 0, "", "no such folder").toString());
        assertEquals("t.csv:5:12 b1_confidence: bad",
                new Problem(Path.of("t.csv"), 5, 12, "b1_confidence", "bad").toString());
        assertEquals("t.csv:5: bad", new Problem(Path.of("t.csv"), 5, 0, null, "bad").toString());
    }

    @Test
    void exceptionListsProblemsInFileOrder() {
        ProblemsException e = new ProblemsException(List.of(
                new Problem(FILE, 9, 1, "b", "second"), new Problem(FILE, 2, 1, "a", "first")));
        assertEquals("a", e.problems().get(0).keyPath());
        assertTrue(e.getMessage().startsWith("2 problems"), e.getMessage());
        assertTrue(e.getMessage().indexOf("first") < e.getMessage().indexOf("second"));
    }

    @Test
    void suggestionsAreForTyposOnly() {
        assertEquals("threshold", Suggest.closest("treshold", List.of("rule", "threshold", "thresholds")));
        assertEquals("think_distribution", Suggest.closest("think-distribution", List.of("think", "think_distribution")));
        assertEquals("blur-3", Suggest.closest("blur3", List.of("pristine", "blur-3")));
        assertNull(Suggest.closest("rate", List.of("type", "interval")));
        assertNull(Suggest.closest("x", List.of()));
    }
}
