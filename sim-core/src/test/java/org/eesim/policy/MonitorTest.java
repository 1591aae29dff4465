package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.BandwidthVariation;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Link;
import org.eesim.scenario.Links;
import org.eesim.scenario.Output;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.scenario.Tiers;
import org.eesim.scenario.Workload;
import org.eesim.sim.ReplicationRunner;
import org.eesim.sim.Runs;
import org.junit.jupiter.api.Test;

/**
 * The uplink monitor feeding a policy while the run goes. The uplink drops from 100 Mbps to
 * 1 Mbps at 50 s; on TwoTierPoliciesTest's network Neurosurgeon offloads everything at 100 Mbps
 * (cut 0) and keeps everything on the device at 1 Mbps (cut 3). Probes every second, no error.
 */
class MonitorTest {

    static Scenario scenario(PolicyConfig.Monitor monitor, double warmupSeconds, double durationSeconds) {
        Link up = new Link(100e6, 0.010, true, 0, new BandwidthVariation.Trace(Path.of("drop.csv"),
                new double[] {0, 50}, new double[] {100e6, 1e6}));
        return new Scenario("monitor", Path.of("monitor.yaml"), TwoTierPoliciesTest.profile(),
                new Tiers(new TierSpec(1, 1, 0.5), null, new TierSpec(1, 1, 4)), new Links(up, null), null,
                new Workload(new Arrival.Deterministic(0.5), Map.of("pristine", 1.0), null),
                new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()), ServiceTimeModel.MEAN,
                new RunControl(new RunControl.Span.Time(durationSeconds), new RunControl.Span.Time(warmupSeconds),
                        1, 5), new Output(Path.of("results"), null),
                new PolicyConfig(PolicyConfig.Kind.NEUROSURGEON, List.of(), null, false, monitor));
    }

    static Map<String, Double> run(Scenario s) {
        return ReplicationRunner.run(s, 0).metrics();
    }

    @Test
    void withoutAMonitorThePolicyKeepsTheNominalRate() {
        Map<String, Double> m = run(scenario(null, 60, 40));
        assertEquals(0.0, m.get("policy.cut1"));
        assertEquals(0.0, m.get("policy.changes"));
    }

    /**
     * Five-sample average: the probes at 50..54 s see 1 Mbps, so the estimate falls through
     * 80.2, 60.4, 40.6, 20.8 and reaches 1 Mbps at 54 s; requests born from 60 s run on the device.
     */
    @Test
    void theMonitorMovesTheDecisionAfterTheDrop() {
        Map<String, Double> m = run(scenario(new PolicyConfig.Monitor(1, 5, 0, 0), 60, 40));
        assertEquals(3.0, m.get("policy.cut1"));
        assertTrue(m.get("policy.changes") >= 1);
        // before the drop nothing changes: requests in [10, 45] s all offload
        assertEquals(0.0, run(scenario(new PolicyConfig.Monitor(1, 5, 0, 0), 10, 35)).get("policy.cut1"));
    }

    /**
     * A 30 s lag: the first 1 Mbps sample (probe at 50 s) is known at 80 s, so requests born in
     * [60, 75] s still offload; with no lag they would not.
     */
    @Test
    void theLagDelaysTheReaction() {
        assertEquals(0.0, run(scenario(new PolicyConfig.Monitor(1, 1, 0, 30), 60, 15)).get("policy.cut1"));
        assertEquals(3.0, run(scenario(new PolicyConfig.Monitor(1, 1, 0, 0), 60, 15)).get("policy.cut1"));
    }

    /**
     * Everything random at once (Markov uplink with jitter, noisy probes, POPEX re-deciding,
     * expert classifier off): the same numbers on one thread and on two.
     */
    @Test
    void sameNumbersWhateverTheThreadCount() {
        Scenario base = scenario(new PolicyConfig.Monitor(0.5, 3, 0.3, 0.1), 5, 60);
        Link markov = new Link(20e6, 0.010, true, 0.004, new BandwidthVariation.Markov(new double[] {20e6, 1e6},
                new double[] {8, 4}));
        Scenario s = new Scenario(base.name(), base.sourceFile(), base.profile(), base.tiers(), new Links(markov, null),
                null, base.workload(), base.exitRule(), base.serviceTime(),
                new RunControl(base.run().length(), base.run().warmup(), 4, 77), base.output(),
                new PolicyConfig(PolicyConfig.Kind.POPEX, List.of(), null, false, base.policy().monitor()));
        var one = Runs.of(s, 1);
        var two = Runs.of(s, 2);
        for (int r = 0; r < one.size(); r++) {
            assertEquals(one.get(r).metrics(), two.get(r).metrics());
        }
        assertTrue(one.get(0).metrics().get("policy.changes") >= 1, "the link's changes moved the decision");
    }

    /** With 20% error the estimate wanders, but the same seed gives the same run. */
    @Test
    void noisyProbesAreReproducible() {
        Scenario s = scenario(new PolicyConfig.Monitor(1, 5, 0.2, 0.05), 10, 80);
        Map<String, Double> a = run(s);
        assertEquals(a, run(s));
        assertTrue(a.get("policy.changes") >= 1);
    }
}
