package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Common random numbers that hold in a closed loop, and the paired differences that use them:
 * two edge servers of B-AlexNet, one 25% faster, compared on 4 phones with 3 users each (a user's
 * next request waits for its answer, so the faster edge reorders the births). With {@code seeds: common} the k-th request
 * of every user carries the same input and noise under both cuts, so differences.csv's paired
 * interval is far narrower than independent seeds give. Seeds fixed; tolerances stated below.
 */
class PairedDifferencesTest {

    static final Path PROFILE = Path.of("../profiles/b-alexnet-carpex").toAbsolutePath().normalize();

    static Path sweep(Path dir, String seeds, String baseline) throws IOException {
        Path f = dir.resolve(seeds + ".yaml");
        Files.writeString(f, """
                name: crn-%s
                profile: %s
                tiers:
                  device: {count: 4, speed: 0.25}
                  edge: {cores: 2}
                  cloud: {cores: 4, speed: 4}
                links:
                  uplink: {bandwidth: 18.8 Mbps, delay: 5 ms}
                  wan: {bandwidth: 100 Mbps, delay: 20 ms}
                placement: {cut1: 6, cut2: 13}
                workload:
                  arrival: {type: closed, users: 3, think: 0.5 s}
                early_exit: {threshold: 0.8}
                service_time: exponential
                run: {requests: 2000, warmup: 200, replications: 12, seed: 11}
                output: {dir: %s}
                sweep:
                  seeds: %s
                  %s
                  over:
                    - {key: tiers.edge.speed, values: [1, 1.25]}
                """.formatted(seeds, PROFILE, dir.resolve("results"), seeds, baseline));
        return f;
    }

    /** metric -> [mean, ci_low, ci_high, variance_ratio] of point 0 (edge speed 1) - point 1 (1.25, the baseline). */
    static Map<String, double[]> differences(Path folder) throws IOException {
        Map<String, double[]> m = new HashMap<>();
        List<String> lines = Files.readAllLines(folder.resolve("differences.csv"));
        assertEquals("point,metric,n,mean,sd,ci_low,ci_high,variance_ratio", lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            assertEquals("0", f[0], "only the point that is not the baseline (speed 1.25 is): " + l);
            m.put(f[1], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                Double.parseDouble(f[7])});
        }
        return m;
    }

    /** metric -> [mean, ci_low, ci_high] of point {@code point} in summary.csv. */
    static Map<String, double[]> summary(Path folder, int point) throws IOException {
        Map<String, double[]> m = new HashMap<>();
        List<String> lines = Files.readAllLines(folder.resolve("summary.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (Integer.parseInt(f[0]) == point) {
                m.put(f[1], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[5]), Double.parseDouble(f[6])});
            }
        }
        return m;
    }

    private static Path folderOf(Path dir, String name) throws IOException {
        try (var s = Files.list(dir.resolve("results"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(name + "-")).findFirst().orElseThrow();
        }
    }

    /**
     * The variance ratio of the mean latency's difference must exceed 4: with 12 replications the
     * ratio of two sample variances has an F(11, 11) spread, under which a true ratio of 1
     * (no variance reduction, as when a closed loop's k-th requests differ between the points)
     * exceeds 4 with probability under 2%. The paired and the independent estimates of the
     * difference must agree: their intervals (95% each) must overlap.
     */
    @Test
    void commonSeedsPairTheRequestsOfAClosedLoop(@TempDir Path dir) throws IOException {
        assertEquals(0, MainTest.eesim("run", sweep(dir, "common", "baseline: {tiers.edge.speed: 1.25}").toString(),
                "--quiet").status());
        Map<String, double[]> d = differences(folderOf(dir, "crn-common"));
        double[] latency = d.get("latency.mean");
        assertTrue(latency[3] > 4, "variance ratio " + latency[3]);
        double pairedHalf = (latency[2] - latency[1]) / 2;

        assertEquals(0, MainTest.eesim("run", sweep(dir, "per_point", "").toString(), "--quiet").status());
        Path independent = folderOf(dir, "crn-per_point");
        assertTrue(Files.notExists(independent.resolve("differences.csv")), "no pairs without common seeds");
        double[] slow = summary(independent, 0).get("latency.mean");
        double[] fast = summary(independent, 1).get("latency.mean");
        double unpairedHalf = Math.hypot((slow[2] - slow[1]) / 2, (fast[2] - fast[1]) / 2);
        assertTrue(pairedHalf * 2 < unpairedHalf, "paired half-width " + pairedHalf + ", unpaired " + unpairedHalf);
        double unpaired = slow[0] - fast[0];
        assertTrue(Math.abs(latency[0] - unpaired) < pairedHalf + unpairedHalf, "paired " + latency[0]
                + " against independent " + unpaired);
    }

    @Test
    void aBaselineNeedsCommonSeedsAndMustNameOnePoint(@TempDir Path dir) throws IOException {
        MainTest.Result r = MainTest.eesim("validate", sweep(dir, "per_point", "baseline: {tiers.edge.speed: 1.25}").toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().contains("sweep.baseline: paired differences against a baseline need common random numbers"),
                r.err());
        r = MainTest.eesim("validate", sweep(dir, "common", "baseline: {tiers.edge.speed: 2}").toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().contains("sweep.baseline: the baseline matches 0 points"), r.err());
        r = MainTest.eesim("validate", sweep(dir, "common", "baseline: {placement.cut2: 13}").toString());
        assertTrue(r.err().contains("'placement.cut2' is not a swept key"), r.err());
    }
}
