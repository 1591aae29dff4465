package org.eesim.policy;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;
import org.eesim.scenario.Tier;

/**
 * Neurosurgeon-style (the baseline the seeds compare with): one cut between the device and the
 * next tier (the edge, or the cloud without one), every request through every layer (all side
 * branches disabled), the cut of least latency at the current uplink estimate.
 */
public final class NeurosurgeonPolicy implements OffloadPolicy {

    private final NetworkCosts costs;
    private final ExitRule noExits;
    private final Reach all;

    public NeurosurgeonPolicy(NetworkCosts costs, ExitRule base, Iterable<String> branchNames) {
        this.costs = costs;
        Set<String> names = new LinkedHashSet<>();
        branchNames.forEach(names::add);
        this.noExits = new ExitRule(base.kind(), base.threshold(), Map.of(), names);
        this.all = costs.reach(noExits);
    }

    @Override
    public Decision decide(double uplinkBps) {
        int n = costs.layers();
        boolean edge = costs.serverTier() == Tier.EDGE;
        int bestCut = n;
        double best = costs.expectedSeconds(n, n, all, uplinkBps);
        for (int l = 0; l < n; l++) {
            int cut2 = edge ? n : l;
            double t = costs.expectedSeconds(l, cut2, all, uplinkBps);
            if (t < best) {
                best = t;
                bestCut = l;
            }
        }
        return new Decision(new Placement(bestCut, edge ? n : bestCut), noExits, best);
    }
}
