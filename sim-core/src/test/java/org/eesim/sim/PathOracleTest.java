package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.eesim.scenario.Placement;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * No contention (one device, a request every 10 s, latencies under 1 s): the simulated mean
 * latency must equal the expected time computed by hand as in POPEX,
 * E[T] = sum over layers and branches of P(reach) * time / speed
 *      + P(cross uplink) * (bytes * 8 / bandwidth + delay) + P(cross WAN) * (...),
 * and the exit shares and accuracy must equal those of the trace at the threshold.
 *
 * <p>Tolerance: each check asks the hand value to lie in the simulation's 99.9% Student-t interval
 * over 10 replications (t = 4.78, 9 degrees of freedom). There are about 25 such checks here, so
 * at 95% one in four runs of a correct model would fail somewhere; at 99.9% the chance is
 * about 2.5%, and the seeds are fixed. The intervals are still narrow (about 1.5% of a share of
 * 0.3, under 1% of a latency), far below the effects a modelling error would cause (a
 * mis-placed branch moves the mean latency by 5% or more).
 *
 * <p>The network: 4 layers, branch b1 after layer 1 (device), b2 after layer 3 (edge), final
 * after layer 4 (cloud). Ten trace samples with hand-picked confidences.
 */
class PathOracleTest {

    static final double LEVEL = 0.999;

    // layer times (s) on the profiled hardware, and output sizes (bytes)
    static final double[] LAYER_T = {0.010, 0.020, 0.030, 0.040};
    static final long[] OUT_BYTES = {20_000, 5_000, 800, 40};
    static final long INPUT_BYTES = 3_000;
    static final double B1_T = 0.002;
    static final double B2_T = 0.004;
    static final double DEV_SPEED = 0.5;
    static final double EDGE_SPEED = 2;
    static final double CLOUD_SPEED = 4;
    static final Link UP = new Link(10e6, 0.005, true);
    static final Link WAN = new Link(100e6, 0.020, true);

    // per sample: b1 conf, b2 conf; b1 entropy, b2 entropy; correctness of b1, b2, final
    static final float[] B1_CONF = {0.95f, 0.85f, 0.5f, 0.3f, 0.99f, 0.6f, 0.7f, 0.81f, 0.2f, 0.4f};
    static final float[] B2_CONF = {0.99f, 0.9f, 0.95f, 0.5f, 0.99f, 0.85f, 0.6f, 0.9f, 0.3f, 0.82f};
    static final boolean[] B1_OK = {true, false, false, false, true, false, true, true, false, false};
    static final boolean[] B2_OK = {true, true, true, false, true, true, false, true, false, true};
    static final boolean[] FINAL_OK = {true, true, true, true, true, false, true, true, false, true};

    static Profile profile() {
        List<Layer> layers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layers.add(new Layer("l" + (i + 1), TimeStats.constant(LAYER_T[i]), OUT_BYTES[i], List.of(), 0));
        }
        List<Branch> branches = List.of(new Branch("b1", 1, TimeStats.constant(B1_T)),
                new Branch("b2", 3, TimeStats.constant(B2_T)));
        int s = B1_CONF.length;
        float[] conf = new float[s * 3];
        float[] ent = new float[s * 3];
        boolean[] ok = new boolean[s * 3];
        for (int i = 0; i < s; i++) {
            conf[3 * i] = B1_CONF[i];
            conf[3 * i + 1] = B2_CONF[i];
            conf[3 * i + 2] = 1f;
            // an entropy that falls as confidence rises, so both rules can be checked
            ent[3 * i] = 1 - B1_CONF[i];
            ent[3 * i + 1] = 1 - B2_CONF[i];
            ok[3 * i] = B1_OK[i];
            ok[3 * i + 1] = B2_OK[i];
            ok[3 * i + 2] = FINAL_OK[i];
        }
        Condition.Trace trace = new Condition.Trace("pristine", Map.of(), s, 3, conf, ent, ok);
        return new Profile("path", "", Map.of(), INPUT_BYTES, layers, branches, Map.of("pristine", trace), "test");
    }

    static Fixtures.ScenarioBuilder threeTiers(ExitRule rule) {
        var b = Fixtures.builder(profile());
        b.device = new TierSpec(1, 1, DEV_SPEED);
        b.edge = new TierSpec(1, 1, EDGE_SPEED);
        b.cloud = new TierSpec(1, 1, CLOUD_SPEED);
        b.uplink = UP;
        b.wan = WAN;
        b.placement = new Placement(1, 3);
        b.arrival = new Arrival.Deterministic(10);
        b.time = ServiceTimeModel.MEAN;
        b.rule = rule;
        b.run = Fixtures.requests(4_000, 0, 10, 5);
        return b;
    }

    /** Hand-computed path times (s) for a request exiting at b1, b2 or the final exit. */
    static double[] pathTimes(boolean b1On, boolean b2On) {
        double dev = LAYER_T[0] / DEV_SPEED + (b1On ? B1_T / DEV_SPEED : 0);
        double atB1 = dev;
        double up = OUT_BYTES[0] * 8 / UP.bandwidthBps() + UP.delaySeconds();
        double edge = (LAYER_T[1] + LAYER_T[2]) / EDGE_SPEED + (b2On ? B2_T / EDGE_SPEED : 0);
        double atB2 = dev + up + edge;
        double wan = OUT_BYTES[2] * 8 / WAN.bandwidthBps() + WAN.delaySeconds();
        double atFinal = atB2 + wan + LAYER_T[3] / CLOUD_SPEED;
        return new double[] {atB1, atB2, atFinal};
    }

    @Test
    void meanLatencyEqualsTheHandComputedExpectedTime() {
        double p = 0.8;
        Map<String, Summary> s = Fixtures.summarise(
                threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, p, Map.of(), Set.of())).build(), LEVEL);
        // exits by hand at p = 0.8: b1 takes samples 0,1,4,7 (conf >= .8); b2 takes 2,5,9; final takes 3,6,8
        double[] t = pathTimes(true, true);
        double reachB2 = 6.0 / 10;
        double reachFinal = 3.0 / 10;
        double expected = t[0] * 4 / 10 + t[1] * 3 / 10 + t[2] * 3 / 10;
        // the same, written as POPEX's sum of reach probability times cost
        double popex = (LAYER_T[0] + B1_T) / DEV_SPEED
                + reachB2 * (OUT_BYTES[0] * 8 / UP.bandwidthBps() + UP.delaySeconds())
                + reachB2 * (LAYER_T[1] + LAYER_T[2] + B2_T) / EDGE_SPEED
                + reachFinal * (OUT_BYTES[2] * 8 / WAN.bandwidthBps() + WAN.delaySeconds())
                + reachFinal * LAYER_T[3] / CLOUD_SPEED;
        assertEquals(expected, popex, 1e-12, "two hand computations agree");
        Summary lat = s.get("latency.mean");
        System.out.println("expected " + expected + " simulated " + lat);
        assertTrue(lat.contains(expected), "E[T] " + expected + " outside " + lat);
        assertEquals(0.4, s.get("exit.b1").mean(), 0.02);
        assertTrue(s.get("exit.b1").contains(0.4));
        assertTrue(s.get("exit.b2").contains(0.3));
        assertTrue(s.get("exit.final").contains(0.3));
        assertTrue(s.get("offload.device_to_next").contains(reachB2));
        assertTrue(s.get("offload.edge_to_cloud").contains(reachFinal));
        // accuracy by hand: b1 right on 0,4,7 (3 of 4), b2 right on 2,5,9 (3), final on 3,6 not 8 (2)
        assertTrue(s.get("accuracy").contains(8.0 / 10), s.get("accuracy").toString());
        // bytes per request: P(uplink) * 20000, P(wan) * 800
        assertTrue(s.get("bytes.uplink").contains(reachB2 * OUT_BYTES[0]));
        assertTrue(s.get("bytes.wan").contains(reachFinal * OUT_BYTES[2]));
        // no request waits: the longest latency is the full path, to HdrHistogram's 0.1%
        assertEquals(t[2], s.get("latency.max").mean(), t[2] * 1e-3);
        assertEquals(0.0, s.get("queue.edge").mean(), 1e-12);
    }

    @Test
    void entropyRuleAndDisabledBranch() {
        // entropy <= 0.12 is conf >= 0.88 here; b1 disabled: b2 takes 0,1,2,4,7 and final the rest
        ExitRule rule = new ExitRule(ExitRule.Kind.ENTROPY, 0.12, Map.of(), Set.of("b1"));
        Map<String, Summary> s = Fixtures.summarise(threeTiers(rule).build(), LEVEL);
        double[] t = pathTimes(false, true);
        double expected = t[1] * 5 / 10 + t[2] * 5 / 10;
        assertTrue(s.get("latency.mean").contains(expected), expected + " vs " + s.get("latency.mean"));
        assertEquals(0.0, s.get("exit.b1").mean());
        assertTrue(s.get("exit.b2").contains(0.5));
        assertEquals(1.0, s.get("offload.device_to_next").mean(), "every request leaves the device");
    }

    @Test
    void perExitThresholdsAndDeadline() {
        // b1 needs 0.96 (only sample 4), b2 0.8 as default: b2 takes 0,1,2,5,7,9
        ExitRule rule = new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of("b1", 0.96), Set.of());
        var b = threeTiers(rule);
        double[] t = pathTimes(true, true);
        b.deadline = (t[1] + t[2]) / 2; // misses exactly the requests that reach the final exit
        Map<String, Summary> s = Fixtures.summarise(b.build(), LEVEL);
        assertTrue(s.get("exit.b1").contains(0.1));
        assertTrue(s.get("exit.b2").contains(0.6));
        assertTrue(s.get("deadline_miss").contains(0.3), s.get("deadline_miss").toString());
    }

    @Test
    void rateModeReproducesTheGivenRates() {
        Profile base = profile();
        Condition.Rates rates = new Condition.Rates("pristine", Map.of(), ExitRule.Kind.MAX_SOFTMAX, 3,
                List.of(new Condition.RateRow(0.8, new double[] {0.3, 0.5}, new double[] {0.9, 0.8, 0.6})));
        Profile p = new Profile("rates", "", Map.of(), base.inputBytes(), base.layers(), base.branches(),
                Map.of("pristine", rates), "test");
        var b = threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()));
        b.profile = p;
        Map<String, Summary> s = Fixtures.summarise(b.build(), LEVEL);
        // shares: b1 0.3; b2 0.7 * 0.5 = 0.35; final 0.35; accuracy 0.3*.9 + .35*.8 + .35*.6 = 0.76
        assertTrue(s.get("exit.b1").contains(0.3), s.get("exit.b1").toString());
        assertTrue(s.get("exit.b2").contains(0.35), s.get("exit.b2").toString());
        assertTrue(s.get("exit.final").contains(0.35), s.get("exit.final").toString());
        assertTrue(s.get("accuracy").contains(0.76), s.get("accuracy").toString());
        double[] t = pathTimes(true, true);
        assertTrue(s.get("latency.mean").contains(0.3 * t[0] + 0.35 * t[1] + 0.35 * t[2]));
    }
}
