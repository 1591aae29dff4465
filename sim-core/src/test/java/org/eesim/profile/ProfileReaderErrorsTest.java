package org.eesim.profile;

import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.copyTree;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake in a profile, made in a copy of the tiny profile, and what is reported. */
class ProfileReaderErrorsTest {

    @TempDir
    Path tmp;
    Path dir;
    Path yaml;
    Path pristine;

    @BeforeEach
    void copy() {
        dir = copyTree(resource("profiles/tiny"), tmp.resolve("tiny"));
        yaml = dir.resolve("profile.yaml");
        pristine = dir.resolve("traces/pristine.csv");
    }

    private List<Problem> problems() {
        return assertThrows(ProblemsException.class, () -> ProfileReader.read(dir)).problems();
    }

    @Test
    void missingFolder() {
        dir = tmp.resolve("nowhere");
        Problem p = assertProblem(problems(), dir, 0, "", "profile folder not found: " + dir.toAbsolutePath());
        assertEquals(dir + ": profile folder not found: " + dir.toAbsolutePath(), p.toString());
    }

    @Test
    void missingProfileYaml() throws Exception {
        Files.delete(yaml);
        assertProblem(problems(), yaml, 0, "", "missing profile.yaml in the profile folder");
    }

    @Test
    void missingTraceFile() throws Exception {
        Files.delete(pristine);
        assertProblem(problems(), yaml, lineOf(yaml, "traces/pristine.csv"), "conditions.pristine.trace",
                "trace file not found: " + pristine.normalize());
    }

    @Test
    void traceOutsideTheFolder() {
        edit(yaml, "traces/pristine.csv", "../pristine.csv");
        assertProblem(problems(), yaml, lineOf(yaml, "../pristine.csv"), "conditions.pristine.trace",
                "trace must be inside the profile folder");
    }

    @Test
    void traceWithAWrongHeader() {
        edit(pristine, "b2_entropy", "b2_entrpy");
        Problem p = assertProblem(problems(), pristine, 1, "b2_entropy", "expected 'b2_entropy', got 'b2_entrpy'");
        assertEquals(1 + "sample,b1_confidence,b1_entropy,b1_correct,b2_confidence,".length(), p.column());
    }

    @Test
    void traceWithTheWrongNumberOfExits() throws Exception {
        Files.writeString(pristine, "sample,b1_confidence,b1_entropy,b1_correct,final_confidence,final_entropy,"
                + "final_correct\n0,0.5,0.5,1,0.9,0.1,1\n");
        assertProblem(problems(), pristine, 1, "", "wrong number of exits: the header has 2 (b1, final),"
                + " the profile has 3 (b1, b2, final)");
    }

    @Test
    void traceWithANonNumericCell() {
        edit(pristine, "3,0.66,0.34", "3,0.66,abc");
        Problem p = assertProblem(problems(), pristine, 5, "b1_entropy", "expected a number, got 'abc'");
        assertEquals(1 + "3,0.66,".length(), p.column());
        assertEquals(pristine + ":5:8 b1_entropy: expected a number, got 'abc'", p.toString());
    }

    @Test
    void traceWithConfidenceOutsideTheUnitInterval() {
        edit(pristine, "\n9,0.89,", "\n9,1.89,");
        assertProblem(problems(), pristine, 11, "b1_confidence", "confidence must be in [0, 1], got 1.89");
    }

    @Test
    void traceWithABadCorrectFlagAndAShortRow() {
        edit(pristine, "0.541,0.459,0,", "0.541,0.459,2,");
        edit(pristine, "\n8,0.487,0.513,0,", "\n8,0.487,");
        List<Problem> problems = problems();
        assertProblem(problems, pristine, 2, "b2_correct", "must be 0 or 1, got '2'");
        assertProblem(problems, pristine, 10, "", "expected 10 fields, got 8");
    }

    @Test
    void manyBadRowsAreCappedSoTheFirstStayVisible() throws Exception {
        StringBuilder csv = new StringBuilder(Files.readAllLines(pristine).get(0)).append('\n');
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(",x,0,0,0,0,0,0,0,0\n");
        }
        Files.writeString(pristine, csv);
        List<Problem> problems = problems();
        assertEquals(TraceCsv.MAX_PROBLEMS + 1, problems.stream().filter(p -> p.file().equals(pristine)).count());
        assertProblem(problems, pristine, 0, "", "30 more problems in this file not shown");
    }

    @Test
    void branchAfterAnUnknownLayer() {
        edit(yaml, "after: conv1", "after: conv9");
        assertProblem(problems(), yaml, lineOf(yaml, "after: conv9"), "branches[0].after",
                "unknown layer 'conv9': did you mean 'conv1'? (layers: conv1, conv2, fc)");
    }

    @Test
    void branchAfterALayerNumberOutOfRange() {
        edit(yaml, "after: 2", "after: 4");
        assertProblem(problems(), yaml, lineOf(yaml, "after: 4"), "branches[1].after",
                "after layer 4, but the layers are numbered 1..3");
    }

    @Test
    void rateTableWithTheWrongNumberOfExits() {
        edit(yaml, "exit_probability: {b1: 0.3, b2: 0.2}", "exit_probability: {b1: 0.3}");
        assertProblem(problems(), yaml, lineOf(yaml, "exit_probability: {b1: 0.3}"),
                "conditions.imported.rates[0].exit_probability", "wrong number of exits: 1 given, 2 expected; missing: b2");
    }

    @Test
    void rateTableWithProbabilityOutsideTheUnitInterval() {
        edit(yaml, "accuracy: {b1: 0.9, b2: 0.8, final: 0.7}", "accuracy: {b1: 0.9, b2: 0.8, final: 1.7}");
        assertProblem(problems(), yaml, lineOf(yaml, "final: 1.7"), "conditions.imported.rates[0].accuracy.final",
                "accuracy must be in [0, 1], got 1.7");
    }

    @Test
    void conditionWithNeitherTraceNorRates() {
        edit(yaml, "    trace: traces/blur-3.csv\n", "");
        assertProblem(problems(), yaml, lineOf(yaml, "blur-3:"), "conditions.blur-3.trace",
                "condition 'blur-3' needs trace: <csv file> or rates: [...]");
    }

    @Test
    void layerWithoutTimeOrBytes() {
        edit(yaml, "    time_s: {mean: 0.001}\n    output_bytes: 40\n", "    time_s: {sd: 0.001}\n");
        List<Problem> problems = problems();
        int fc = lineOf(yaml, "name: fc");
        assertProblem(problems, yaml, fc + 1, "layers[2].time_s.mean", "missing required key 'mean' (or give samples)");
        assertProblem(problems, yaml, fc, "layers[2].output_bytes",
                "missing required key 'output_bytes' (or give output_shape)");
    }

    @Test
    void unknownKeysAndAWrongFormatAllAtOnce() {
        edit(yaml, "format: eesim-profile/1", "format: eesim-profile/2");
        edit(yaml, "flops: 1000000", "flop: 1000000");
        edit(pristine, "3,0.66,0.34", "3,0.66,abc");
        List<Problem> problems = problems();
        assertEquals(3, problems.size(), problems.toString());
        assertProblem(problems, yaml, 2, "format", "unsupported format 'eesim-profile/2'");
        assertProblem(problems, yaml, lineOf(yaml, "flop:"), "layers[0].flop",
                "unknown key 'flop': did you mean 'flops'?");
        assertProblem(problems, pristine, 5, "b1_entropy", "expected a number");
    }

    @Test
    void negativeTimesAndDuplicateNames() {
        edit(yaml, "time_s: {mean: 0.0006}", "time_s: {mean: -0.0006}");
        edit(yaml, "name: conv2", "name: conv1");
        List<Problem> problems = problems();
        assertProblem(problems, yaml, lineOf(yaml, "-0.0006"), "branches[1].time_s.mean", "mean must be >= 0");
        assertProblem(problems, yaml, lineOf(yaml, "time_s: {samples") - 1, "layers[1].name",
                "layer name 'conv1' is used twice");
    }
}
