package org.eesim.sweep;

import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expansion of the sweep section: grid, zip, ranges, seeds, and every class of mistake. */
class SweepPlanTest {

    @TempDir
    Path dir;

    private SweepPlan plan(String sweep) throws ProblemsException {
        return SweepPlan.read(SweepFiles.write(dir, "s", 200, 2, sweep));
    }

    private List<Problem> problems(String sweep) {
        return assertThrows(ProblemsException.class, () -> plan(sweep)).problems();
    }

    private static List<String> values(SweepPlan p, int axis) {
        return p.points().stream().map(x -> x.assignments().get(axis).value()).toList();
    }

    @Test
    void gridTakesEveryCombinationWithTheFirstKeySlowest() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.9]}
                    - {key: links.uplink.bandwidth, values: [5 Mbps, 10 Mbps, 20 Mbps]}
                """);
        assertEquals(6, p.points().size());
        assertEquals(12, p.runs().size());
        assertEquals(List.of("0.5", "0.5", "0.5", "0.9", "0.9", "0.9"), values(p, 0));
        assertEquals(List.of("5 Mbps", "10 Mbps", "20 Mbps", "5 Mbps", "10 Mbps", "20 Mbps"), values(p, 1));
        Point last = p.points().get(5);
        assertEquals(0.9, last.scenario().exitRule().threshold());
        assertEquals(20e6, last.scenario().links().uplink().bandwidthBps());
        assertEquals("early_exit.threshold=0.9, links.uplink.bandwidth=20 Mbps", last.identity());
        assertTrue(last.resolvedYaml().contains("bandwidth: 20 Mbps"), last.resolvedYaml());
        assertEquals(List.of("early_exit.threshold", "links.uplink.bandwidth"), p.keys());
    }

    @Test
    void zipPairsValuesOneByOne() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  combine: zip
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.7, 0.9]}
                    - {key: workload.arrival.rate, values: [1/s, 2/s, 4/s]}
                """);
        assertEquals(3, p.points().size());
        assertEquals(List.of("1/s", "2/s", "4/s"), values(p, 1));
        assertEquals(4.0, ((org.eesim.scenario.Arrival.Poisson) p.points().get(2).scenario().workload().arrival())
                .ratePerSecond());
    }

    @Test
    void linearRangesAreDecimalAndIncludeTheEnd() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  over:
                    - key: early_exit.threshold
                      range: {from: 0.1, to: 0.7, step: 0.2}
                    - key: links.uplink.delay
                      range: {from: 0 ms, to: 5 ms, step: 2.5 ms}
                """);
        assertEquals(List.of("0.1", "0.1", "0.1", "0.3", "0.3", "0.3", "0.5", "0.5", "0.5", "0.7", "0.7", "0.7"),
                values(p, 0), "0.1 + 2 * 0.2 is 0.5, not 0.5000000000000001");
        assertEquals(List.of("0 ms", "2.5 ms", "5 ms"), values(p, 1).subList(0, 3));
        assertEquals(0.0025, p.points().get(1).scenario().links().uplink().delaySeconds(), 1e-15);
    }

    @Test
    void rangeEndsInOtherUnitsOfTheSameKindAreConverted() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  over:
                    - key: links.uplink.bandwidth
                      range: {from: 500 kbps, to: 2 Mbps, step: 500 kbps}
                    - key: links.uplink.delay
                      log_range: {from: 1 ms, to: 1 s, count: 4}
                """);
        assertEquals(List.of("500 kbps", "1000 kbps", "1500 kbps", "2000 kbps"), values(p, 0).stream().distinct()
                .toList());
        assertEquals(List.of("1 ms", "10 ms", "100 ms", "1000 ms"), values(p, 1).subList(0, 4));
    }

    @Test
    void logRangesAreGeometricWithExactEnds() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  over:
                    - key: links.uplink.bandwidth
                      log_range: {from: 1 Mbps, to: 100 Mbps, count: 5}
                """);
        // 1 * 100^(i/4): 1, 3.16228, 10, 31.6228, 100 (six significant digits)
        assertEquals(List.of("1 Mbps", "3.16228 Mbps", "10 Mbps", "31.6228 Mbps", "100 Mbps"), values(p, 0));
    }

    @Test
    void mappingValuesReplaceTheWholeSection() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  over:
                    - key: workload.mix
                      values: [{pristine: 1}, {blur-3: 1}, {pristine: 1, blur-3: 1}]
                """);
        assertEquals("{pristine: 1, blur-3: 1}", p.points().get(2).assignments().get(0).value());
        assertEquals(Set.of("blur-3"), p.points().get(1).scenario().workload().mix().keySet());
    }

    @Test
    void seedsComeFromThePointsIdentityNotItsPlace() throws ProblemsException {
        SweepPlan a = plan("""
                sweep:
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.9]}
                """);
        SweepPlan b = plan("""
                sweep:
                  over:
                    - {key: early_exit.threshold, values: [0.9, 0.7, 0.5]}
                """);
        assertEquals(a.points().get(0).seed(), b.points().get(2).seed(), "threshold 0.5 keeps its seed");
        assertEquals(a.points().get(1).seed(), b.points().get(0).seed());
        assertNotEquals(a.points().get(0).seed(), a.points().get(1).seed());
        assertNotEquals(a.sha256(), b.sha256());
        Set<Long> seeds = new HashSet<>();
        b.points().forEach(x -> seeds.add(x.replicationSeed(0)));
        b.points().forEach(x -> seeds.add(x.replicationSeed(1)));
        assertEquals(6, seeds.size(), "every (point, replication) has its own seed");
        SweepPlan common = plan("""
                sweep:
                  seeds: common
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.9]}
                """);
        assertEquals(11, common.points().get(0).seed());
        assertEquals(11, common.points().get(1).seed(), "common random numbers: the scenario's own seed");
    }

    @Test
    void shardsPartitionTheRuns() throws ProblemsException {
        SweepPlan p = plan("""
                sweep:
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.6, 0.7]}
                """);
        Set<Run> all = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            for (Run r : p.shard(i, 4)) {
                assertTrue(all.add(r), "run " + r + " in two shards");
            }
        }
        assertEquals(Set.copyOf(p.runs()), all);
        assertThrows(IllegalArgumentException.class, () -> p.shard(4, 4));
    }

    @Test
    void theHashIgnoresWhereResultsGoButNotWhatRuns() throws ProblemsException {
        String sweep = """
                sweep:
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.9]}
                """;
        SweepPlan a = plan(sweep);
        SweepPlan moved = SweepPlan.read(SweepFiles.write(dir.resolve("elsewhere"), "s", 200, 2, sweep));
        assertEquals(a.sha256(), moved.sha256());
        assertTrue(a.folderName().matches("s-[0-9a-f]{8}"), a.folderName());
        SweepPlan more = SweepPlan.read(SweepFiles.write(dir, "s", 200, 3, sweep));
        assertNotEquals(a.sha256(), more.sha256());
    }

    /** A plan on a traced uplink, in {@code at}, with the trace's second row at {@code rate}. */
    private static SweepPlan traced(Path at, String rate) throws Exception {
        String sweep = "sweep:\n  over:\n    - {key: early_exit.threshold, values: [0.5, 0.9]}\n";
        Path f = SweepFiles.write(at, "s", 200, 2, sweep);
        java.nio.file.Files.writeString(at.resolve("up.csv"), "time,bandwidth\n0 s, 18.8 Mbps\n20 s, " + rate + "\n");
        org.eesim.yaml.ProblemAssertions.edit(f, "uplink: {bandwidth: 18.8 Mbps, delay: 5 ms}",
                "uplink: {delay: 5 ms, bandwidth_trace: up.csv}");
        return SweepPlan.read(f);
    }

    @Test
    void theHashFollowsTheTracesContentNotItsPath() throws Exception {
        SweepPlan a = traced(dir.resolve("a"), "5 Mbps");
        assertEquals(a.sha256(), traced(dir.resolve("moved"), "5 Mbps").sha256(), "same trace elsewhere");
        assertNotEquals(a.sha256(), traced(dir.resolve("a"), "6 Mbps").sha256(), "the same file, edited");
    }

    @Test
    void anInvalidPointIsReportedAtTheSweepEntryWithItsValues() {
        Path f = SweepFiles.write(dir, "s", 200, 2, """
                sweep:
                  over:
                    - {key: early_exit.threshold, values: [0.5, 1.5]}
                    - {key: links.uplink.bandwidth, values: [5 Mbps, -1 Mbps]}
                """);
        List<Problem> ps = assertThrows(ProblemsException.class, () -> SweepPlan.read(f)).problems();
        int thr = lineOf(f, "early_exit.threshold, values");
        int bw = lineOf(f, "links.uplink.bandwidth, values");
        assertProblem(ps, f, thr, "early_exit.threshold",
                "at sweep point 2 (early_exit.threshold=1.5, links.uplink.bandwidth=5 Mbps): threshold must be in [0, 1]");
        assertProblem(ps, f, bw, "links.uplink.bandwidth",
                "at sweep point 1 (early_exit.threshold=0.5, links.uplink.bandwidth=-1 Mbps): bandwidth must be positive");
        assertEquals(4, ps.size(), "points 1, 2 and 3 (both bad at 3): " + ps);
    }

    @Test
    void aMisspeltKeyIsReportedOnceWithASuggestion() {
        Path f = SweepFiles.write(dir, "s", 200, 2, """
                sweep:
                  over:
                    - {key: links.uplink.bandwith, values: [5 Mbps, 10 Mbps]}
                """);
        List<Problem> ps = assertThrows(ProblemsException.class, () -> SweepPlan.read(f)).problems();
        Problem p = assertProblem(ps, f, lineOf(f, "bandwith"), "links.uplink.bandwith", "did you mean 'bandwidth'");
        assertFalse(p.reason().contains("sweep point"), "the same for every point: said once, " + ps);
        assertEquals(1, ps.size(), ps.toString());
    }

    @Test
    void mistakesInTheSweepSectionItself() {
        Path f = SweepFiles.write(dir, "s", 200, 2, """
                sweep:
                  combine: zipp
                  over:
                    - {key: output.name, values: [a, b]}
                    - {key: early_exit.threshold, values: [0.5], range: {from: 0.1, to: 0.2, step: 0.1}}
                    - {key: links.uplink.delay, range: {from: 1 ms, to: 1 Mbps, step: 1 ms}}
                    - {key: links.uplink.bandwidth, range: {from: 1 Mbps, to: 5 Mbps, step: 0 Mbps}}
                    - {key: links.uplink, values: [{bandwidth: 1 Mbps}]}
                    - {key: workload.arrival.rate, log_range: {from: 0/s, to: 5/s, count: 3}}
                    - {key: tiers.edge.count}
                    - {key: tiers.edge.speed, values: [1, 2, 1]}
                """);
        List<Problem> ps = assertThrows(ProblemsException.class, () -> SweepPlan.read(f)).problems();
        assertProblem(ps, f, lineOf(f, "zipp"), "sweep.combine", "did you mean 'zip'");
        assertProblem(ps, f, lineOf(f, "output.name"), "sweep.over[0].key", "'output' cannot be swept");
        assertProblem(ps, f, lineOf(f, "values: [0.5], range"), "sweep.over[1]", "only one of values, range");
        assertProblem(ps, f, lineOf(f, "to: 1 Mbps"), "sweep.over[2].range.to", "quantities of one kind");
        assertProblem(ps, f, lineOf(f, "step: 0 Mbps"), "sweep.over[3].range.step", "step must be positive");
        assertProblem(ps, f, lineOf(f, "key: links.uplink,"), "sweep.over[4].key", "overlaps 'links.uplink.bandwidth'");
        assertProblem(ps, f, lineOf(f, "from: 0/s"), "sweep.over[5].log_range.from", "needs from > 0");
        assertProblem(ps, f, lineOf(f, "tiers.edge.count"), "sweep.over[6]", "give the values");
        assertProblem(ps, f, lineOf(f, "values: [1, 2, 1]"), "sweep.over[7].values[2]", "listed twice");
    }

    @Test
    void tooLongRangesAreReportedAtTheirEntryHoweverLong() {
        Path f = SweepFiles.write(dir, "s", 200, 2, """
                sweep:
                  over:
                    - {key: links.uplink.bandwidth, range: {from: 1 bps, to: 1e30 bps, step: 1 bps}}
                    - {key: workload.arrival.rate, range: {from: 1/s, to: 10001/s, step: 1/s}}
                    - {key: tiers.device.count, range: {from: 1, to: 10000, step: 1}}
                """);
        List<Problem> ps = assertThrows(ProblemsException.class, () -> SweepPlan.read(f)).problems();
        assertProblem(ps, f, lineOf(f, "1e30"), "sweep.over[0].range",
                "the range has 1000000000000000000000000000000 values, more than 10000");
        assertProblem(ps, f, lineOf(f, "10001/s"), "sweep.over[1].range", "the range has 10001 values");
        assertTrue(ps.stream().noneMatch(p -> p.keyPath().startsWith("sweep.over[2]")), "10,000 values are allowed");
    }

    @Test
    void zipNeedsListsOfOneLength() {
        Path f = SweepFiles.write(dir, "s", 200, 2, """
                sweep:
                  combine: zip
                  over:
                    - {key: early_exit.threshold, values: [0.5, 0.6]}
                    - {key: links.uplink.bandwidth, values: [5 Mbps]}
                """);
        List<Problem> ps = assertThrows(ProblemsException.class, () -> SweepPlan.read(f)).problems();
        assertProblem(ps, f, lineOf(f, "values: [5 Mbps]"), "sweep.over[1]", "has 1 values but early_exit.threshold has 2");
    }

    @Test
    void withoutASweepThePlanIsTheScenarioItself() throws ProblemsException {
        SweepPlan p = plan("");
        assertFalse(p.isSweep());
        assertEquals(1, p.points().size());
        assertEquals(11, p.points().get(0).seed(), "single runs keep the seeds they always had");
        assertEquals(List.of(new Run(0, 0), new Run(0, 1)), p.runs());
    }
}
