package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeCheck;
import org.eesim.scenario.ServiceTimeModel;
import org.junit.jupiter.api.Test;

/**
 * The service-time rules of issue 11: empirical draws one measured forward pass per request
 * (never a mix of passes, never a zero-time tick), an sd is used (lognormal) or refused, never
 * ignored. Oracles: the sums of aligned repetitions by hand, and the log-normal's moments.
 */
class ServiceTimeModelTest {

    private static final Condition.Trace ONE = new Condition.Trace("pristine", Map.of(), 1, 1, new float[] {1f},
            new float[] {0f}, new boolean[] {true});

    private static Layer layer(String name, TimeStats t) {
        return new Layer(name, t, 0, List.of(), 0);
    }

    private static Profile profile(String unusable, Layer... layers) {
        return new Profile("p", "", Map.of(), 100, List.of(layers), List.of(), Map.of("pristine", ONE), "test",
                unusable);
    }

    private static TimeStats samples(double... s) {
        return TimeStats.of(s);
    }

    /** The shipped CARPEX profile (timer ticks) is refused under empirical, at the key that asks for it. */
    @Test
    void theScenarioReaderLocatesTheRefusal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException, org.eesim.yaml.ProblemsException {
        String carpex = java.nio.file.Path.of("../profiles/b-alexnet-carpex").toAbsolutePath().normalize().toString();
        String text = String.join("\n", "name: ticks", "profile: " + carpex,
                "tiers: {device: {count: 1, cores: 1, speed: 1}}", "placement: {cut1: 21, cut2: 21}",
                "workload: {arrival: {type: poisson, rate: 1/s}}",
                "early_exit: {threshold: 0.8}", "service_time: empirical", "run: {requests: 100, seed: 1}", "");
        java.nio.file.Path file = dir.resolve("ticks.yaml");
        java.nio.file.Files.writeString(file, text);
        var e = assertThrows(org.eesim.yaml.ProblemsException.class,
                () -> org.eesim.scenario.ScenarioReader.read(file));
        assertTrue(e.getMessage().contains(file + ":7:15 service_time: profile 'b-alexnet-carpex' marks its time"
                + " samples unusable (Windows timer ticks"), e.getMessage());
        java.nio.file.Files.writeString(file, text.replace("service_time: empirical\n", ""));
        e = assertThrows(org.eesim.yaml.ProblemsException.class, () -> org.eesim.scenario.ScenarioReader.read(file));
        assertTrue(e.getMessage().contains(file + ":2:10 profile: service_time is empirical by default: profile"
                + " 'b-alexnet-carpex' marks"), e.getMessage());
        java.nio.file.Files.writeString(file, text.replace("service_time: empirical", "service_time: mean"));
        assertEquals(ServiceTimeModel.MEAN, org.eesim.scenario.ScenarioReader.read(file).serviceTime());
    }

    /** Every request's device time is one row of the table (1+10, 2+20 or 3+30 ms), never a mix. */
    @Test
    void empiricalDrawsOneRepetitionForAllLayersOfARequest() {
        Profile p = profile(null, layer("a", samples(1e-3, 2e-3, 3e-3)), layer("b", samples(10e-3, 20e-3, 30e-3)));
        Fixtures.ScenarioBuilder b = Fixtures.builder(p);
        b.time = ServiceTimeModel.EMPIRICAL;
        Scenario s = b.build();
        Topology t = new Topology(s, null, null);
        Planner planner = new Planner(s, t);
        Streams streams = Streams.of(s, 0);
        Set<Long> seen = new HashSet<>();
        for (int k = 0; k < 3_000; k++) {
            Request r = planner.newRequest(0, 0, k, true, streams);
            long micros = Math.round(r.compute[org.eesim.scenario.Tier.DEVICE.ordinal()] * 1e6);
            assertTrue(micros == 11_000 || micros == 22_000 || micros == 33_000, "a mixed pass: " + micros + " us");
            seen.add(micros);
        }
        assertEquals(3, seen.size(), "all three passes are drawn");
    }

    @Test
    void zeroTimeSamplesAreRefusedUnderEmpirical() {
        Profile p = profile(null, layer("conv", samples(0, 0.0156, 0)), layer("fc", samples(1e-3, 1e-3, 1e-3)));
        String why = ServiceTimeCheck.problem(p, ServiceTimeModel.EMPIRICAL);
        assertNotNull(why);
        assertTrue(why.contains("layer 'conv': 2 of 3 time samples are 0 s"), why);
        assertTrue(why.contains("use service_time: mean"), why);
        assertNull(ServiceTimeCheck.problem(p, ServiceTimeModel.MEAN));
        Fixtures.ScenarioBuilder b = Fixtures.builder(p);
        b.time = ServiceTimeModel.EMPIRICAL;
        Scenario s = b.build();
        Topology t = new Topology(s, null, null);
        assertThrows(IllegalArgumentException.class, () -> new Planner(s, t), "the model refuses it too");
    }

    @Test
    void samplesMarkedUnusableAreRefusedWithTheProfilesReason() {
        Profile p = profile("Windows timer ticks", layer("a", samples(1e-3, 2e-3)));
        String why = ServiceTimeCheck.problem(p, ServiceTimeModel.EMPIRICAL);
        assertNotNull(why);
        assertTrue(why.contains("marks its time samples unusable (Windows timer ticks)"), why);
    }

    @Test
    void repetitionsOfDifferentLengthsAreRefused() {
        Profile p = new Profile("p", "", Map.of(), 100, List.of(layer("a", samples(1e-3, 2e-3))),
                List.of(new Branch("b1", 1, samples(1e-4, 2e-4, 3e-4))),
                Map.of("pristine", new Condition.Trace("pristine", Map.of(), 1, 2, new float[] {1f, 1f},
                        new float[] {0f, 0f}, new boolean[] {true, true})), "test", null);
        String why = ServiceTimeCheck.problem(p, ServiceTimeModel.EMPIRICAL);
        assertNotNull(why);
        assertTrue(why.contains("layer 'a' has 2 time samples and branch 'b1' 3"), why);
    }

    @Test
    void anSdWithoutSamplesIsUsedByLognormalAndRefusedByEmpirical() {
        Profile p = profile(null, layer("a", new TimeStats(2e-3, 1e-3, new double[0])));
        String why = ServiceTimeCheck.problem(p, ServiceTimeModel.EMPIRICAL);
        assertNotNull(why);
        assertTrue(why.contains("has an sd (1.00 ms) but no samples"), why);
        assertNull(ServiceTimeCheck.problem(p, ServiceTimeModel.LOGNORMAL));
        // a constant layer (sd 0) is exact under empirical: its mean
        assertNull(ServiceTimeCheck.problem(profile(null, layer("c", TimeStats.constant(1e-3))),
                ServiceTimeModel.EMPIRICAL));
    }

    /**
     * The log-normal's sample mean and sd against the profile's 2 ms and 1 ms. With 200,000 draws
     * the standard error of the mean is 1 ms / sqrt(2e5) = 2.2 us, so 1 % of the mean (20 us) is
     * nine standard errors; the sd's relative standard error is sqrt((kurtosis - 1) / 4n) = 0.3 %
     * (the log-normal's kurtosis is about 8 here), so 2 % is over six. Fixed seed.
     */
    @Test
    void lognormalHasTheProfilesMeanAndSd() {
        SplitMix rng = new SplitMix(42);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = Planner.logNormal(2e-3, 1e-3, rng);
            assertTrue(x > 0);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        assertEquals(2e-3, mean, 0.01 * 2e-3);
        assertEquals(1e-3, sd, 0.02 * 1e-3);
        assertEquals(2e-3, Planner.logNormal(2e-3, 0, rng), 0.0, "sd 0: the mean");
    }
}
