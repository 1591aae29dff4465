package org.eesim.scenario;

import static org.eesim.scenario.ScenarioFiles.problems;
import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in the form of a scenario file (keys, types, units, YAML itself), each made in a copy
 * of scenarios/full.yaml, and the located problem each one gives.
 */
class ScenarioReaderErrorsTest {

    @TempDir
    Path tmp;
    Path file;

    @BeforeEach
    void copy() {
        file = new ScenarioFiles(tmp).scenario("full.yaml");
    }

    /** Replaces {@code from} by {@code to} and returns the line where {@code to} now is. */
    private int change(String from, String to) {
        edit(file, from, to);
        return lineOf(file, to);
    }

    @Test
    void unknownTopLevelKeyWithATypo() {
        int line = change("service_time: exponential", "service_tme: exponential");
        Problem p = assertProblem(problems(file), file, line, "service_tme", "unknown key 'service_tme': did you mean"
                + " 'service_time'? (expected one of: name, profile, tiers, links, placement, workload, early_exit,"
                + " service_time, run, output, policy, energy, answer, sweep)");
        assertEquals(1, p.column());
    }

    @Test
    void unknownNestedKeyWithATypo() {
        int line = change("delay: 20 ms, shared: false", "delay: 20 ms, shard: false");
        assertProblem(problems(file), file, line, "links.wan.shard",
                "unknown key 'shard': did you mean 'shared'? (expected one of: bandwidth, delay, shared, jitter, bandwidth_trace, bandwidth_markov,"
                + " burst, framing)");
    }

    /**
     * A plain scalar folded over a blank line holds a line break ("../profiles/tiny\n1e5"): the
     * problem quoting it still prints as one line, the break written as \n.
     */
    @Test
    void aValueWithALineBreakPrintsOnOneLine() {
        edit(file, "profile: ../profiles/tiny", "profile: ../profiles/tiny\n\n 1e5");
        List<Problem> ps = problems(file);
        Problem p = ps.stream().filter(q -> q.keyPath().equals("profile")).findFirst().orElseThrow();
        assertTrue(p.reason().contains("tiny\n1e5"), p.reason());
        assertEquals(1, p.toString().lines().count(), p.toString());
        assertTrue(p.toString().endsWith("tiny\\n1e5"), p.toString());
    }

    /** A billion edge machines: refused where they are given, not an overflow in the simulator's arrays. */
    @Test
    void aTierTooLargeToHold() {
        int line = change("edge:   {count: 1, cores: 4,", "edge:   {count: 1000000000, cores: 4,");
        assertProblem(problems(file), file, line, "tiers.edge.count", "count 1000000000 x (cores 4 + 2) = 6000000000"
                + " slots: more than a tier holds (at most 100000000; the simulator keeps every machine's cores in"
                + " memory)");
    }

    @Test
    void unknownFigureInTheOutputSection() {
        int line = change("figures: [latency-cdf, offload-vs-x]", "figures: [latency-cdf, ofload-vs-x]");
        Problem p = assertProblem(problems(file), file, line, "output.figures[1]",
                "unknown figure 'ofload-vs-x': did you mean 'offload-vs-x'? (known: latency-cdf, exit-distribution,"
                        + " summary, offload-vs-x, latency-vs-x, accuracy-latency, resources-vs-x, difference-vs-x,"
                        + " latency-energy, metric-vs-x, partition-vs-x)");
        assertEquals(26, p.column(), "1-based: the o of ofload");
    }

    @Test
    void edgeAssignmentIsOneOfThree() {
        int line = change("assignment: round_robin", "assignment: round-robin");
        assertProblem(problems(file), file, line, "tiers.edge.assignment", "unknown edge assignment 'round-robin':"
                + " did you mean 'round_robin'? (expected one of: static, round_robin, least_loaded)");
    }

    @Test
    void onlyTheEdgeHasAnAssignment() {
        int line = change("cores: 8, speed: 8}", "cores: 8, speed: 8, assignment: static}");
        assertProblem(problems(file), file, line, "tiers.cloud.assignment",
                "unknown key 'assignment' (expected one of: count, cores, speed, per_message)");
    }

    @Test
    void unknownDevicePresetSuggestsTheNearest() {
        int line = change("device: jetson-nano-5w", "device: jetson-nano-5W");
        assertProblem(problems(file), file, line, "energy.device", "unknown device preset 'jetson-nano-5W': did you"
                + " mean 'jetson-nano-5w'? (expected one of: jetson-nano, jetson-nano-5w)");
    }

    @Test
    void busyPowerBelowIdle() {
        int line = change("{idle: 25 W, busy: 80 W}", "{idle: 25 W, busy: 20 W}");
        assertProblem(problems(file), file, line, "energy.edge.busy", "busy (20 W) must be at least idle (25 W)");
    }

    @Test
    void powersNeedPowerUnits() {
        int line = change("{idle: 90 W, busy: 250 W}", "{idle: 90 J, busy: 250}");
        List<Problem> problems = problems(file);
        assertProblem(problems, file, line, "energy.cloud.idle", "'90 J' is an energy, expected a power");
        assertProblem(problems, file, line, "energy.cloud.busy", "'250' needs a unit, e.g. '10 W'");
    }

    @Test
    void anEdgeHasNoPresets() {
        int line = change("edge: {idle: 25 W, busy: 80 W}", "edge: jetson-nano");
        assertProblem(problems(file), file, line, "energy.edge",
                "expected {idle: <power>, busy: <power>}, got 'jetson-nano'");
    }

    @Test
    void aTailNeedsItsTimeAndPower() {
        int line = change(", tail_time: 5 s, tail_power: 900 mW}", ", tail_time: 5 s}");
        assertProblem(problems(file), file, line, "energy.radio",
                "give tail_time and tail_power together (or neither: no tail)");
        change("radio: {send: 1.2 W, send_per_mbit: 400 mJ, receive: 1 W, receive_per_mbit: 50 mJ, tail_time: 5 s}",
                "radio: {send_per_mbit: 400 mJ}");
        assertProblem(problems(file), file, line, "energy.radio.send", "missing required key 'send'");
        change("radio: {send_per_mbit: 400 mJ}", "radio: 5g");
        assertProblem(problems(file), file, line, "energy.radio",
                "unknown radio preset '5g' (expected one of: wifi, lte)");
    }

    @Test
    void unknownKeyWithNothingClose() {
        int line = change("  deadline: 100 ms", "  colour: blue");
        assertProblem(problems(file), file, line, "workload.colour",
                "unknown key 'colour' (expected one of: arrival, mix, deadline)");
    }

    @Test
    void arrivalKeysDependOnTheType() {
        int line = change("{type: poisson, rate: 2/s}", "{type: poisson, interval: 2 s}");
        List<Problem> problems = problems(file);
        assertProblem(problems, file, line, "workload.arrival.interval", "unknown key 'interval' (expected one of:"
                + " type, rate)");
        assertProblem(problems, file, line, "workload.arrival.rate", "missing required key 'rate'");
    }

    @Test
    void unknownArrivalType() {
        int line = change("type: poisson", "type: posson");
        assertProblem(problems(file), file, line, "workload.arrival.type",
                "unknown arrival type 'posson': did you mean 'poisson'? (expected one of: poisson, deterministic, closed)");
    }

    @Test
    void badUnit() {
        int line = change("18.8 Mbps", "18.8 Mbit");
        assertProblem(problems(file), file, line, "links.uplink.bandwidth", "unknown unit 'Mbit' (units for a bitrate:");
    }

    @Test
    void wrongUnitKind() {
        int line = change("delay: 5 ms", "delay: 5 Mbps");
        assertProblem(problems(file), file, line, "links.uplink.delay",
                "'5 Mbps' is a bitrate, expected a time (units: ns, us, µs, ms, s, min, h)");
    }

    @Test
    void missingUnit() {
        int line = change("rate: 2/s", "rate: 2");
        assertProblem(problems(file), file, line, "workload.arrival.rate", "'2' needs a unit, e.g. '20/s'");
    }

    @Test
    void missingRequiredKeyIsLocatedAtItsSection() {
        edit(file, "  seed: 42\n", "");
        assertProblem(problems(file), file, lineOf(file, "run:"), "run.seed", "missing required key 'seed'");
    }

    @Test
    void missingRequiredSection() {
        edit(file, "early_exit:\n  rule: max_softmax\n  threshold: 0.8\n  thresholds: {b1: 0.9}\n  disabled: [b2]\n", "");
        // The root mapping starts at its first key, below the comment.
        assertProblem(problems(file), file, lineOf(file, "name: full-example"), "early_exit",
                "missing required key 'early_exit'");
    }

    @Test
    void typeMismatch() {
        int line = change("replications: 5", "replications: five");
        assertProblem(problems(file), file, line, "run.replications", "expected a whole number, got 'five'");
    }

    @Test
    void duplicateKey() {
        edit(file, "  seed: 42\n", "  seed: 42\n  seed: 43\n");
        int line = lineOf(file, "seed: 42");
        assertProblem(problems(file), file, line + 1, "run.seed", "duplicate key 'seed' (first given at line " + line + ")");
    }

    @Test
    void yamlSyntaxError() {
        int line = change("  deadline: 100 ms", "  deadline: [100 ms");
        Problem p = assertProblem(problems(file), file, line + 1, "", "YAML syntax error: while parsing a flow sequence");
        assertEquals(1, problems(file).size(), "nothing after a syntax error can be trusted");
        assertEquals(file + ":" + (line + 1) + ":" + p.column() + ": " + p.reason(), p.toString());
    }

    @Test
    void rootMustBeAMapping() throws Exception {
        Files.writeString(file, "- just\n- a list\n");
        assertProblem(problems(file), file, 1, "", "expected a mapping (key: value, ...), got a list");
    }

    @Test
    void missingScenarioFile() {
        Path missing = tmp.resolve("scenarios/nope.yaml");
        assertProblem(problems(missing), missing, 0, "", "file not found");
    }

    @Test
    void problemsInTheProfileAreReportedWithTheirOwnFile() {
        Path profile = tmp.resolve("profiles/tiny/profile.yaml");
        edit(profile, "after: conv1", "after: conv7");
        assertProblem(problems(file), profile, lineOf(profile, "after: conv7"), "branches[0].after",
                "unknown layer 'conv7'");
    }
}
