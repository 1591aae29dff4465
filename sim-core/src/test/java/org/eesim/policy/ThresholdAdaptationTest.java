package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Links;
import org.eesim.scenario.Output;
import org.eesim.scenario.Placement;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.scenario.Tiers;
import org.eesim.scenario.Workload;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Threshold adaptation toward a latency target. The network, all on one device at speed 1, no
 * queueing: layer 1 (10 ms), branch b1 (free), layer 2 (40 ms); ten samples with b1 confidence
 * 0.1, 0.2, ..., 1.0. At threshold 0.35, 0.55, 0.75, 0.95 the exit shares are 0.7, 0.5, 0.3, 0.1
 * and the mean latencies 22, 30, 38, 46 ms (10 + (1 - share) * 40).
 */
class ThresholdAdaptationTest {

    static final List<Double> STEPS = List.of(0.35, 0.55, 0.75, 0.95);

    static Scenario scenario(double targetSeconds) {
        float[] conf = new float[20];
        for (int i = 0; i < 10; i++) {
            conf[2 * i] = (i + 1) / 10f;
            conf[2 * i + 1] = 1f;
        }
        boolean[] ok = new boolean[20];
        Condition.Trace t = new Condition.Trace("pristine", Map.of(), 10, 2, conf, new float[20], ok);
        Profile p = new Profile("adapt", "", Map.of(), 1000,
                List.of(new Layer("l1", TimeStats.constant(0.010), 100, List.of(), 0),
                        new Layer("l2", TimeStats.constant(0.040), 10, List.of(), 0)),
                List.of(new Branch("b1", 1, TimeStats.constant(0))), Map.of("pristine", t), "test");
        return new Scenario("adapt", Path.of("adapt.yaml"), p, new Tiers(new TierSpec(1, 1, 1), null, null),
                new Links(null, null), new Placement(2, 2), new Workload(new Arrival.Deterministic(1),
                Map.of("pristine", 1.0), null), new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.75, Map.of(), Set.of()),
                ServiceTimeModel.MEAN, new RunControl(new RunControl.Span.Requests(4_000),
                new RunControl.Span.Requests(2_000), 5, 13), new Output(Path.of("results"), null),
                new PolicyConfig(PolicyConfig.Kind.FIXED, List.of(), null, false, null, null,
                        new PolicyConfig.Adaptation(targetSeconds, STEPS, 50), List.of()));
    }

    @Test
    void stepsByHand() {
        var c = new ThresholdController(new PolicyConfig.Adaptation(0.030, STEPS, 2),
                new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.7, Map.of(), Set.of()));
        assertEquals(0.75, c.threshold(), "starts at the step nearest the scenario's threshold");
        assertFalse(c.observe(0.040));
        assertTrue(c.observe(0.030), "mean 35 ms > 30 ms: exit earlier");
        assertEquals(0.55, c.threshold());
        c.observe(0.020);
        c.observe(0.040);
        assertEquals(0.75, c.threshold(), "mean exactly 30 ms is not above the target: exit later");
        var entropy = new ThresholdController(new PolicyConfig.Adaptation(0.030, STEPS, 1),
                new ExitRule(ExitRule.Kind.ENTROPY, 0.35, Map.of(), Set.of()));
        entropy.observe(0.050);
        assertEquals(0.55, entropy.threshold(), "with entropy a higher threshold exits earlier");
        entropy.observe(0.050);
        entropy.observe(0.050);
        assertFalse(entropy.observe(0.050), "stays at the last step");
    }

    @Test
    void aTargetAboveEveryStepSettlesOnTheMostAccurate() {
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(0.100));
        assertEquals(0.95, m.get("policy.threshold").mean(), 1e-12);
        assertTrue(m.get("latency.mean").contains(0.046), m.get("latency.mean").toString());
    }

    @Test
    void aTargetBelowEveryStepSettlesOnTheFastest() {
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(0.010));
        assertEquals(0.35, m.get("policy.threshold").mean(), 1e-12);
        assertTrue(m.get("latency.mean").contains(0.022), m.get("latency.mean").toString());
    }

    /**
     * Target 34 ms, between the 30 ms of 0.55 and the 38 ms of 0.75: the controller alternates
     * between the two, so the threshold's mean lies strictly between them and the mean latency
     * between their latencies; batches of 50 put the other steps (22 and 46 ms) far enough away
     * that it never visits them.
     */
    @Test
    void aTargetBetweenTwoStepsAlternatesBetweenThem() {
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(0.034));
        double th = m.get("policy.threshold").mean();
        double lat = m.get("latency.mean").mean();
        System.out.println("threshold " + m.get("policy.threshold") + " latency " + m.get("latency.mean"));
        assertTrue(th > 0.55 && th < 0.75, "threshold " + th);
        assertTrue(lat > 0.030 && lat < 0.038, "latency " + lat);
        assertTrue(m.get("policy.threshold_changes").mean() > 50);
    }
}
