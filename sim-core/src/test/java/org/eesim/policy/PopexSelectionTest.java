package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * POPEX's choice among threshold configurations, on ThresholdAdaptationTest's network (one
 * device; thresholds 0.35, 0.55, 0.75, 0.95 take 22, 30, 38, 46 ms) with b1 right only on the
 * samples of confidence >= 0.8 and the final exit always right: accuracies 0.6, 0.8, 1.0, 1.0.
 */
class PopexSelectionTest {

    static Scenario scenario(Double requirementSeconds) {
        Scenario s = ThresholdAdaptationTest.scenario(1);
        Condition.Trace t = (Condition.Trace) s.profile().conditions().get("pristine");
        boolean[] ok = new boolean[20];
        for (int i = 0; i < 10; i++) {
            ok[2 * i] = i >= 7;
            ok[2 * i + 1] = true;
        }
        Condition.Trace graded = new Condition.Trace("pristine", Map.of(), 10, 2, t.confidence(), t.entropy(), ok);
        Profile p = new Profile("graded", "", Map.of(), 1000, s.profile().layers(), s.profile().branches(),
                Map.of("pristine", graded), "test");
        return new Scenario(s.name(), s.sourceFile(), p, s.tiers(), s.links(), null, s.workload(), s.exitRule(),
                s.serviceTime(), s.run(), s.output(), new PolicyConfig(PolicyConfig.Kind.POPEX,
                ThresholdAdaptationTest.STEPS, requirementSeconds, false, null));
    }

    static Decision decide(Double requirementSeconds) {
        return Policies.of(scenario(requirementSeconds)).decide(Double.NaN);
    }

    @Test
    void theMostAccurateConfigurationThatMeetsTheRequirement() {
        assertEquals(0.75, decide(0.040).exitRule().threshold(), "0.75 and 0.95 are as accurate; 0.95 is too slow");
        assertEquals(0.038, decide(0.040).expectedSeconds(), 1e-12);
        assertEquals(0.55, decide(0.035).exitRule().threshold(), "0.75 (38 ms) is too slow");
        assertEquals(0.35, decide(0.010).exitRule().threshold(), "none meets it: the fastest");
        assertEquals(0.75, decide(null).exitRule().threshold(), "no requirement: the most accurate, then the faster");
    }

    /** A per-branch configuration is a candidate like the others (one branch here: b1 at 0.75 is 38 ms). */
    @Test
    void perBranchConfigurations() {
        Scenario s = scenario(0.040);
        PolicyConfig p = new PolicyConfig(PolicyConfig.Kind.POPEX, List.of(0.35), 0.040, false, null, null, null,
                List.of(Map.of("b1", 0.75), Map.of("b1", 0.95)));
        Scenario withConfigs = new Scenario(s.name(), s.sourceFile(), s.profile(), s.tiers(), s.links(), null,
                s.workload(), s.exitRule(), s.serviceTime(), s.run(), s.output(), p);
        Decision d = Policies.of(withConfigs).decide(Double.NaN);
        assertEquals(Map.of("b1", 0.75), d.exitRule().perExit());
        assertEquals(0.038, d.expectedSeconds(), 1e-12);
    }

    /**
     * Accuracy unknown (a rate table without it): the configuration that exits least under the
     * rule, i.e. the higher threshold for max_softmax and the lower for entropy. The rows exit
     * 30% or 70% at b1 (22 or 38 ms); no requirement, so only the tie-break decides.
     */
    @Test
    void withoutAccuracyTheConfigurationThatExitsLeast() {
        assertEquals(0.6, unknownAccuracy(ExitRule.Kind.MAX_SOFTMAX, 0.7, 0.3), "max_softmax: 0.6 exits 30%");
        assertEquals(0.2, unknownAccuracy(ExitRule.Kind.ENTROPY, 0.3, 0.7), "entropy: 0.2 exits 30%");
    }

    /** POPEX's threshold over 0.2 and 0.6, the rows exiting {@code at02} and {@code at06} at b1. */
    private static double unknownAccuracy(ExitRule.Kind kind, double at02, double at06) {
        Scenario s = ThresholdAdaptationTest.scenario(1);
        double[] unknown = {Double.NaN, Double.NaN};
        Condition.Rates rates = new Condition.Rates("pristine", Map.of(), kind, 2, List.of(
                new Condition.RateRow(0.2, new double[] {at02}, unknown),
                new Condition.RateRow(0.6, new double[] {at06}, unknown)));
        Profile p = new Profile("rates", "", Map.of(), 1000, s.profile().layers(), s.profile().branches(),
                Map.of("pristine", rates), "test");
        Scenario r = new Scenario(s.name(), s.sourceFile(), p, s.tiers(), s.links(), null, s.workload(),
                new ExitRule(kind, 0.2, Map.of(), Set.of()), s.serviceTime(), s.run(), s.output(),
                new PolicyConfig(PolicyConfig.Kind.POPEX, List.of(0.2, 0.6), null, false, null));
        Decision d = Policies.of(r).decide(Double.NaN);
        assertEquals(Double.NaN, new NetworkCosts(r).reach(d.exitRule()).accuracy(), "accuracy is unknown");
        return d.exitRule().threshold();
    }

    @Test
    void accuraciesByHand() {
        NetworkCosts c = new NetworkCosts(scenario(null));
        List<Double> expected = List.of(0.6, 0.8, 1.0, 1.0);
        for (int i = 0; i < 4; i++) {
            var rule = new org.eesim.scenario.ExitRule(org.eesim.scenario.ExitRule.Kind.MAX_SOFTMAX,
                    ThresholdAdaptationTest.STEPS.get(i), Map.of(), java.util.Set.of());
            assertEquals(expected.get(i), c.reach(rule).accuracy(), 1e-12);
        }
    }
}
