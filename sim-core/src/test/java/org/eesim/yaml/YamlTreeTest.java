package org.eesim.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.YamlNode.Mark;
import org.eesim.yaml.YamlNode.ScalarType;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    private static final Path FILE = Path.of("s.yaml");

    @Test
    void everyNodeKnowsItsPathAndPlace() {
        Problems problems = new Problems();
        YamlNode root = YamlTree.parse("""
                links:
                  uplink: {bandwidth: 18.8 Mbps, delay: 5 ms}
                layers:
                  - name: conv1
                    time_s: {mean: 0.002}
                  - name: conv2
                """, FILE, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        YamlNode.Mapping links = (YamlNode.Mapping) ((YamlNode.Mapping) root).entries().get("links");
        YamlNode uplink = links.entries().get("uplink");
        YamlNode bandwidth = ((YamlNode.Mapping) uplink).entries().get("bandwidth");
        assertEquals("links.uplink.bandwidth", bandwidth.path());
        assertEquals(new Mark(2, 23), bandwidth.at());
        assertEquals(new Mark(2, 12), bandwidth.keyAt());
        assertEquals(new Mark(2, 3), uplink.keyAt());
        YamlNode.Sequence layers = (YamlNode.Sequence) ((YamlNode.Mapping) root).entries().get("layers");
        YamlNode.Mapping second = (YamlNode.Mapping) layers.items().get(1);
        assertEquals("layers[1]", second.path());
        assertEquals(6, second.at().line());
        YamlNode mean = ((YamlNode.Mapping) ((YamlNode.Mapping) layers.items().get(0)).entries().get("time_s"))
                .entries().get("mean");
        assertEquals("layers[0].time_s.mean", mean.path());
        assertEquals(new Mark(5, 20), mean.at());
    }

    @Test
    void scalarsKeepTheirTypeAndText() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlTree.parse(
                "a: 3\nb: 0.5\nc: true\nd: \"3\"\ne:\nf: 18.8 Mbps\n", FILE, new Problems());
        List<ScalarType> types = root.entries().values().stream().map(n -> ((YamlNode.Scalar) n).type()).toList();
        assertEquals(List.of(ScalarType.INTEGER, ScalarType.FLOAT, ScalarType.BOOLEAN, ScalarType.STRING,
                ScalarType.NULL, ScalarType.STRING), types);
        assertEquals("3", ((YamlNode.Scalar) root.entries().get("d")).text());
        assertEquals("nothing", root.entries().get("e").describe());
    }

    @Test
    void duplicateKeyIsReportedAndParsingGoesOn() {
        Problems problems = new Problems();
        YamlNode root = YamlTree.parse("run:\n  seed: 1\n  seed: 2\nname: x\nname: y\n", FILE, problems);
        assertEquals(2, problems.size());
        Problem p = problems.list().get(0);
        assertEquals(new Problem(FILE, 3, 3, "run.seed", "duplicate key 'seed' (first given at line 2)"), p);
        assertEquals("s.yaml:5:1 name: duplicate key 'name' (first given at line 4)", problems.list().get(1).toString());
        assertEquals("x", ((YamlNode.Scalar) ((YamlNode.Mapping) root).entries().get("name")).text());
    }

    @Test
    void syntaxErrorIsOneProblemAtTheParsersPlace() {
        Problems problems = new Problems();
        assertNull(YamlTree.parse("a: 1\n  b: 2\n", FILE, problems));
        assertEquals(List.of(new Problem(FILE, 2, 4, "", "YAML syntax error: mapping values are not allowed here")),
                problems.list());
    }

    @Test
    void syntaxErrorKeepsContextButNotTheEchoedSource() {
        Problems problems = new Problems();
        YamlTree.parse("a: [1, 2\nb: 3\n", FILE, problems);
        assertEquals("s.yaml:2:2: YAML syntax error: while parsing a flow sequence; expected ',' or ']', but got :",
                problems.list().get(0).toString());
    }

    @Test
    void aliasesAreRefusedRatherThanReadAsTheAnchorName() {
        Problems problems = new Problems();
        YamlTree.parse("a: &x 1\nb: *x\n", FILE, problems);
        assertEquals("s.yaml:2:4 b: aliases (*x) are not supported: write the value out",
                problems.list().get(0).toString());
    }

    @Test
    void emptyFileAndSecondDocument() {
        Problems problems = new Problems();
        assertNull(YamlTree.parse("# nothing\n", FILE, problems));
        YamlTree.parse("a: 1\n---\nb: 2\n", FILE, problems);
        assertEquals(List.of("s.yaml: the file is empty", "s.yaml:3:1: only one YAML document is allowed here"),
                problems.list().stream().map(Problem::toString).toList());
    }

    @Test
    void missingFileNamesThePath() {
        Problems problems = new Problems();
        Path missing = Path.of("no/such/file.yaml");
        assertNull(YamlTree.parse(missing, problems));
        assertEquals("no/such/file.yaml: file not found", problems.list().get(0).toString());
    }
}
