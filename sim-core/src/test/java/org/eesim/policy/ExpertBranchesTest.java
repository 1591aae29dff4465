package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.eesim.scenario.Link;
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
 * Expert branches with a distortion classifier (seed 001), on a hand-written profile: two layers
 * (10 and 20 ms, 4,000 B between them, 30,000 B input), branch b1 after layer 1 (2 ms). Ten trace
 * samples per condition; b1 exits (confidence >= 0.8) for 4 of pristine, 1 of blur-3, 2 of
 * pristine@expert-blur and 7 of blur-3@expert-blur. Confusion: a pristine input is taken for
 * blur 10% of the time, a blurred one for pristine 20%. Mix half pristine, half blur-3.
 *
 * <p>By hand: P(exit at b1) = 0.5 (0.9 * 0.4 + 0.1 * 0.2) + 0.5 (0.2 * 0.1 + 0.8 * 0.7) = 0.48,
 * against 0.5 * 0.4 + 0.5 * 0.1 = 0.25 with the standard branches only. Tolerance: the hand value
 * in the 99.9% Student-t interval over 10 replications of 4,000 requests (six checks: a correct
 * model fails one with probability under 1%; fixed seeds).
 */
class ExpertBranchesTest {

    static final double CLASSIFIER = 0.002;
    static final double SPEED = 0.5;

    static Condition.Trace trace(String name, String type, int exits) {
        float[] conf = new float[20];
        for (int i = 0; i < 10; i++) {
            conf[2 * i] = i < exits ? 0.9f : 0.3f;
            conf[2 * i + 1] = 1f;
        }
        boolean[] ok = new boolean[20];
        java.util.Arrays.fill(ok, true);
        return new Condition.Trace(name, Map.of("type", type), 10, 2, conf, new float[20], ok);
    }

    static Profile profile() {
        Map<String, Condition> c = new LinkedHashMap<>();
        c.put("pristine", trace("pristine", "none", 4));
        c.put("blur-3", trace("blur-3", "gaussian_blur", 1));
        c.put("pristine@expert-blur", trace("pristine@expert-blur", "none", 2));
        c.put("blur-3@expert-blur", trace("blur-3@expert-blur", "gaussian_blur", 7));
        return new Profile("expert", "", Map.of(), 30_000,
                List.of(new Layer("l1", TimeStats.constant(0.010), 4_000, List.of(), 0),
                        new Layer("l2", TimeStats.constant(0.020), 40, List.of(), 0)),
                List.of(new Branch("b1", 1, TimeStats.constant(0.002))), c, "test");
    }

    static Scenario scenario(PolicyConfig.Expert expert, Placement placement) {
        Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("pristine", 0.5);
        mix.put("blur-3", 0.5);
        return new Scenario("expert", Path.of("expert.yaml"), profile(),
                new Tiers(new TierSpec(1, 1, SPEED), null, new TierSpec(1, 1, 4)), new Links(new Link(8e6, 0.005, true), null),
                placement, new Workload(new Arrival.Deterministic(10), mix, null),
                new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()), ServiceTimeModel.MEAN,
                new RunControl(new RunControl.Span.Requests(4_000), new RunControl.Span.Requests(0), 10, 9),
                new Output(Path.of("results"), null),
                new PolicyConfig(PolicyConfig.Kind.FIXED, List.of(), null, false, null, expert, null, List.of()));
    }

    static PolicyConfig.Expert expert() {
        return new PolicyConfig.Expert(CLASSIFIER, new double[][] {{0.9, 0.1, 0}, {0.2, 0.8, 0}, {0, 0, 1}});
    }

    @Test
    void theConfusionMatrixPicksTheBranchSet() {
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(expert(), new Placement(2, 2)));
        assertTrue(m.get("exit.b1").contains(0.48), m.get("exit.b1").toString());
        double expected = (CLASSIFIER + 0.010 + 0.002 + (1 - 0.48) * 0.020) / SPEED;
        assertTrue(m.get("latency.mean").contains(expected), expected + " vs " + m.get("latency.mean"));
        Map<String, Summary> standard = PopexBruteForceTest.summarise(scenario(null, new Placement(2, 2)));
        assertTrue(standard.get("exit.b1").contains(0.25), standard.get("exit.b1").toString());
    }

    /** All compute in the cloud: the classifier still runs on the device, before the input is sent. */
    @Test
    void theClassifierRunsOnTheDeviceEvenWhenNothingElseDoes() {
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(expert(), new Placement(0, 0)));
        double expected = CLASSIFIER / SPEED + 30_000 * 8 / 8e6 + 0.005 + (0.010 + 0.002 + 0.52 * 0.020) / 4;
        assertTrue(m.get("latency.mean").contains(expected), expected + " vs " + m.get("latency.mean"));
        assertTrue(m.get("util.device").mean() > 0);
    }

    /** A perfect classifier on blurred inputs only: every request uses blur-3@expert-blur (7 of 10). */
    @Test
    void aPerfectClassifierAlwaysPicksTheExperts() {
        var perfect = new PolicyConfig.Expert(0, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Scenario s = scenario(perfect, new Placement(2, 2));
        Scenario blurOnly = new Scenario(s.name(), s.sourceFile(), s.profile(), s.tiers(), s.links(), s.placement(),
                new Workload(s.workload().arrival(), Map.of("blur-3", 1.0), null), s.exitRule(), s.serviceTime(),
                s.run(), s.output(), s.policy());
        Map<String, Summary> m = PopexBruteForceTest.summarise(blurOnly);
        assertTrue(m.get("exit.b1").contains(0.7), m.get("exit.b1").toString());
        assertEquals(0.0, m.get("exit.b1").ciHigh() - 0.7 > 0.05 ? 1.0 : 0.0, "the interval is narrow enough to tell");
    }
}
