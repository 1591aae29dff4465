package org.eesim.scenario;

import static org.eesim.scenario.ScenarioFiles.problems;
import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed scenarios that cannot run: impossible values, and values that disagree with each
 * other or with the profile (tiny: layers conv1, conv2, fc; branches b1, b2; conditions pristine,
 * blur-3 and the rate table imported at thresholds 0.8 and 0.9).
 */
class ScenarioValidationTest {

    @TempDir
    Path tmp;
    Path full;
    Path rates;

    @BeforeEach
    void copy() {
        ScenarioFiles files = new ScenarioFiles(tmp);
        full = files.scenario("full.yaml");
        rates = files.scenario("rates.yaml");
    }

    private static int change(Path file, String from, String to) {
        edit(file, from, to);
        return lineOf(file, to);
    }

    @Test
    void negativeBandwidth() {
        int line = change(full, "bandwidth: 1 Gbps", "bandwidth: -1 Gbps");
        assertProblem(problems(full), full, line, "links.wan.bandwidth", "bandwidth must be positive, got '-1 Gbps'");
    }

    @Test
    void negativeDelay() {
        int line = change(full, "delay: 5 ms", "delay: -5 ms");
        assertProblem(problems(full), full, line, "links.uplink.delay", "delay must be >= 0, got '-5 ms'");
    }

    @Test
    void missingProfileFolder() {
        int line = change(full, "../profiles/tiny", "../profiles/tinny");
        assertProblem(problems(full), full, line, "profile",
                "profile folder not found: " + tmp.resolve("profiles/tinny").toAbsolutePath());
    }

    @Test
    void thresholdOutsideTheUnitInterval() {
        int line = change(full, "threshold: 0.8", "threshold: 1.2");
        assertProblem(problems(full), full, line, "early_exit.threshold", "threshold must be in [0, 1], got 1.2");
    }

    @Test
    void unknownExitInThresholds() {
        int line = change(full, "{b1: 0.9}", "{b3: 0.9}");
        assertProblem(problems(full), full, line, "early_exit.thresholds.b3",
                "unknown exit 'b3': did you mean 'b1'? (the profile's branches: b1, b2)");
    }

    @Test
    void finalExitHasNoThreshold() {
        int line = change(full, "{b1: 0.9}", "{final: 0.9}");
        assertProblem(problems(full), full, line, "early_exit.thresholds.final",
                "'final' is the last exit: it always answers, so it has no threshold");
    }

    @Test
    void unknownExitInDisabled() {
        int line = change(full, "disabled: [b2]", "disabled: [b2, final, conv1]");
        List<Problem> problems = problems(full);
        assertProblem(problems, full, line, "early_exit.disabled[1]",
                "'final' is the last exit: it always answers, so it cannot be disabled");
        assertProblem(problems, full, line, "early_exit.disabled[2]", "unknown exit 'conv1'");
    }

    @Test
    void unknownConditionInMix() {
        int line = change(full, "blur-3: 0.3", "blur3: 0.3");
        assertProblem(problems(full), full, line, "workload.mix.blur3",
                "unknown condition 'blur3': did you mean 'blur-3'? (the profile has: blur-3, imported, pristine)");
    }

    @Test
    void negativeMixWeight() {
        int line = change(full, "blur-3: 0.3", "blur-3: -0.3");
        assertProblem(problems(full), full, line, "workload.mix.blur-3", "weight must be >= 0, got -0.3");
    }

    @Test
    void mixWeightsThatSumToZero() {
        int line = change(full, "{pristine: 0.7, blur-3: 0.3}", "{pristine: 0, blur-3: 0}");
        assertProblem(problems(full), full, line, "workload.mix", "the weights sum to 0");
    }

    @Test
    void cutBeyondTheLastLayer() {
        int line = change(full, "{cut1: 1, cut2: 2}", "{cut1: 1, cut2: 5}");
        assertProblem(problems(full), full, line, "placement.cut2",
                "cut2 = 5 is beyond the last layer (the profile has 3 layers)");
    }

    @Test
    void cut1AfterCut2() {
        int line = change(full, "{cut1: 1, cut2: 2}", "{cut1: 2, cut2: 1}");
        assertProblem(problems(full), full, line, "placement.cut1", "cut1 (2) must be <= cut2 (1)");
    }

    @Test
    void layersOnAnAbsentEdge() {
        edit(full, "  edge:   {count: 1, cores: 4, speed: 2, assignment: round_robin}\n", "");
        assertProblem(problems(full), full, lineOf(full, "placement:"), "placement",
                "layer 2 is placed on the edge, but there is no edge tier (make cut1 = cut2, or add tiers.edge)");
    }

    @Test
    void layersOnAnAbsentCloud() {
        edit(full, "  cloud:  {count: 1, cores: 8, speed: 8}\n", "");
        assertProblem(problems(full), full, lineOf(full, "placement:"), "placement",
                "layer 3 is placed in the cloud, but there is no cloud tier (make cut2 = 3, or add tiers.cloud)");
    }

    @Test
    void missingUplinkThatThePlacementNeeds() {
        edit(full, "  uplink: {bandwidth: 18.8 Mbps, delay: 5 ms, shared: true}\n", "");
        assertProblem(problems(full), full, lineOf(full, "links:"), "links.uplink",
                "missing link: layers 2..3 run beyond the device (cut1 = 1), so requests cross the uplink");
    }

    @Test
    void missingWanThatThePlacementNeeds() {
        edit(full, "  wan:    {bandwidth: 1 Gbps, delay: 20 ms, shared: false}\n", "");
        assertProblem(problems(full), full, lineOf(full, "links:"), "links.wan",
                "missing link: layer 3 runs in the cloud (cut2 = 2), so requests cross the wan from the edge");
    }

    @Test
    void missingLinksSectionIsReportedAtThePlacement() {
        edit(full, "links:\n  uplink: {bandwidth: 18.8 Mbps, delay: 5 ms, shared: true}\n"
                + "  wan:    {bandwidth: 1 Gbps, delay: 20 ms, shared: false}\n", "");
        List<Problem> problems = problems(full);
        assertProblem(problems, full, lineOf(full, "placement:"), "links.uplink", "missing link");
        assertProblem(problems, full, lineOf(full, "placement:"), "links.wan", "missing link");
    }

    @Test
    void bothRequestsAndDuration() {
        edit(full, "  requests: 20000\n", "  requests: 20000\n  duration: 600 s\n");
        assertProblem(problems(full), full, lineOf(full, "run:"), "run", "give either requests or duration, not both");
    }

    @Test
    void neitherRequestsNorDuration() {
        edit(full, "  requests: 20000\n", "");
        assertProblem(problems(full), full, lineOf(full, "run:"), "run",
                "missing run length: give requests (measured requests per replication) or duration");
    }

    @Test
    void replicationsBelowOne() {
        int line = change(full, "replications: 5", "replications: 0");
        assertProblem(problems(full), full, line, "run.replications", "replications must be at least 1, got 0");
    }

    @Test
    void rateModeThresholdNotTabulated() {
        int line = change(rates, "threshold: 0.9", "threshold: 0.85");
        List<Problem> problems = problems(rates);
        assertProblem(problems, rates, line, "early_exit.threshold", "threshold 0.85 is not tabulated:"
                + " condition 'imported' is a rate table with thresholds 0.8, 0.9");
    }

    @Test
    void rateModeWithSomeExitsDisabled() {
        edit(rates, "  thresholds: {b1: 0.9}\n", "  disabled: [b1]\n");
        assertProblem(problems(rates), rates, lineOf(rates, "disabled: [b1]"), "early_exit.disabled",
                "condition 'imported' is a rate table, which cannot express some branches disabled (its exit"
                        + " probabilities hold with every earlier branch enabled); it can express all of them"
                        + " disabled (disabled: all; the accuracy is then unknown)");
    }

    @Test
    void rateModeWithEveryExitDisabled() throws ProblemsException {
        edit(rates, "  thresholds: {b1: 0.9}\n", "  disabled: all\n");
        assertEquals(2, ScenarioReader.read(rates).exitRule().disabled().size());
        edit(rates, "  disabled: all\n", "  disabled: [b2, b1]\n");
        assertEquals(2, ScenarioReader.read(rates).exitRule().disabled().size());
    }

    @Test
    void rateModeWithADifferentPerBranchThreshold() {
        int line = change(rates, "{b1: 0.9}", "{b1: 0.8}");
        assertProblem(problems(rates), rates, line, "early_exit.thresholds.b1", "condition 'imported' is a rate table,"
                + " which cannot express a per-branch threshold (b1: 0.8 differs from threshold 0.9)");
    }

    @Test
    void rateModeWithAnotherRule() {
        int line = change(rates, "rule: max_softmax", "rule: entropy");
        assertProblem(problems(rates), rates, line, "early_exit.rule",
                "condition 'imported' is a rate table for rule max_softmax, but the rule is entropy");
    }

    @Test
    void severalErrorsInOneFileAreAllReportedAtOnce() {
        int bandwidth = change(full, "bandwidth: 1 Gbps", "bandwidth: -1 Gbps");
        int unit = change(full, "delay: 5 ms", "delay: 5");
        int key = change(full, "  deadline: 100 ms", "  dedline: 100 ms");
        int threshold = change(full, "threshold: 0.8", "threshold: 2");
        int mix = change(full, "blur-3: 0.3", "blur-4: 0.3");
        int replications = change(full, "replications: 5", "replications: 0");
        List<Problem> problems = problems(full);
        assertEquals(6, problems.size(), problems.toString());
        assertProblem(problems, full, bandwidth, "links.wan.bandwidth", "must be positive");
        assertProblem(problems, full, unit, "links.uplink.delay", "needs a unit");
        assertProblem(problems, full, key, "workload.dedline", "did you mean 'deadline'?");
        assertProblem(problems, full, threshold, "early_exit.threshold", "must be in [0, 1]");
        assertProblem(problems, full, mix, "workload.mix.blur-4", "unknown condition 'blur-4'");
        assertProblem(problems, full, replications, "run.replications", "at least 1");
        assertEquals(List.copyOf(problems).stream().sorted(Problem.BY_LOCATION).toList(), problems, "in file order");
    }
}
