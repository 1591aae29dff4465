package org.eesim.scenario;

import static org.eesim.scenario.ScenarioFiles.problems;
import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links that change: a trace file, Markov states, jitter; and a located problem for each mistake. */
class LinkReaderTest {

    @TempDir
    Path tmp;

    private Path copy(String name) {
        return new ScenarioFiles(tmp).scenario(name);
    }

    @Test
    void readsATraceWithUnitsAndJitter() throws ProblemsException {
        Link up = ScenarioReader.read(copy("popex.yaml")).links().uplink();
        BandwidthVariation.Trace t = (BandwidthVariation.Trace) up.variation();
        assertArrayEquals(new double[] {0, 20, 40}, t.timesSeconds());
        assertArrayEquals(new double[] {18.8e6, 5.85e6, 1.1e6}, t.ratesBps());
        assertEquals(18.8e6, up.bandwidthBps(), "nominal: the rate at time 0");
        assertEquals(0.002, up.jitterSeconds(), 1e-15);
    }

    @Test
    void readsMarkovStates() throws ProblemsException {
        BandwidthVariation.Markov m = (BandwidthVariation.Markov) ScenarioReader.read(copy("tinyml.yaml"))
                .links().uplink().variation();
        assertArrayEquals(new double[] {2e6, 200e3}, m.ratesBps());
        assertArrayEquals(new double[] {30, 10}, m.meanHoldingSeconds());
    }

    @Test
    void badTraceRowNamesTheFileAndLine() throws Exception {
        Path f = copy("popex.yaml");
        Path trace = f.resolveSibling("uplink-trace.csv");
        Files.writeString(trace, "time,bandwidth\n0 s, 18.8 Mbps\n20 s, 5.85 MB\n");
        assertProblem(problems(f), f, lineOf(f, "bandwidth_trace"), "links.uplink.bandwidth_trace",
                "bandwidth trace " + trace + " line 3: '5.85 MB' is a size, expected a bitrate");
    }

    @Test
    void traceMustStartAtZeroAndIncrease() throws Exception {
        Path f = copy("popex.yaml");
        Files.writeString(f.resolveSibling("uplink-trace.csv"), "1 s, 1 Mbps\n0.5 s, 2 Mbps\n");
        var p = problems(f);
        assertProblem(p, f, lineOf(f, "bandwidth_trace"), "links.uplink.bandwidth_trace", "the first row must be at time 0");
        assertProblem(p, f, lineOf(f, "bandwidth_trace"), "links.uplink.bandwidth_trace", "times must increase");
    }

    @Test
    void manyBadRowsAreCountedAfterTwenty() throws Exception {
        Path f = copy("popex.yaml");
        StringBuilder rows = new StringBuilder("0 s, 1 Mbps\n");
        for (int i = 1; i <= 25; i++) {
            rows.append(i).append(" s, fast\n");
        }
        Files.writeString(f.resolveSibling("uplink-trace.csv"), rows);
        var p = problems(f);
        assertEquals(21, p.size(), p.toString());
        assertProblem(p, f, lineOf(f, "bandwidth_trace"), "links.uplink.bandwidth_trace", "5 more bad rows not listed");
    }

    @Test
    void missingTraceFile() {
        Path f = copy("popex.yaml");
        edit(f, "uplink-trace.csv", "nowhere.csv");
        assertProblem(problems(f), f, lineOf(f, "nowhere.csv"), "links.uplink.bandwidth_trace",
                "cannot read bandwidth trace");
    }

    @Test
    void jitterAboveTheDelay() {
        Path f = copy("popex.yaml");
        edit(f, "jitter: 2 ms", "jitter: 6 ms");
        assertProblem(problems(f), f, lineOf(f, "jitter: 6 ms"), "links.uplink.jitter",
                "jitter must be between 0 and the delay (5 ms)");
    }

    @Test
    void markovNeedsTwoStates() {
        Path f = copy("tinyml.yaml");
        edit(f, "      - {bandwidth: 200 kbps, mean_holding: 10 s}\n", "");
        assertProblem(problems(f), f, lineOf(f, "- {bandwidth: 2 Mbps"), "links.uplink.bandwidth_markov",
                "needs at least two states, got 1");
    }

    @Test
    void markovStateWithoutHolding() {
        Path f = copy("tinyml.yaml");
        edit(f, "{bandwidth: 200 kbps, mean_holding: 10 s}", "{bandwidth: 200 kbps}");
        assertProblem(problems(f), f, lineOf(f, "{bandwidth: 200 kbps}"), "links.uplink.bandwidth_markov[1].mean_holding",
                "missing required key 'mean_holding'");
    }
}
