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
 * branches disabled), the cut of least latency at the current uplink estimate, or, as
 * Neurosurgeon's energy objective, of least expected device energy
 * ({@link NetworkCosts#expectedDeviceJoules}). Ties keep the first of device only, cut 0, 1, ...
 */
public final class NeurosurgeonPolicy implements OffloadPolicy {

    private final NetworkCosts costs;
    private final ExitRule noExits;
    private final Reach all;
    private final boolean minimiseEnergy;

    public NeurosurgeonPolicy(NetworkCosts costs, ExitRule base, Iterable<String> branchNames) {
        this(costs, base, branchNames, false);
    }

    public NeurosurgeonPolicy(NetworkCosts costs, ExitRule base, Iterable<String> branchNames, boolean minimiseEnergy) {
        this.costs = costs;
        this.minimiseEnergy = minimiseEnergy;
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
        double best = cost(n, n, uplinkBps);
        for (int l = 0; l < n; l++) {
            int cut2 = edge ? n : l;
            double c = cost(l, cut2, uplinkBps);
            if (c < best) {
                best = c;
                bestCut = l;
            }
        }
        int cut2 = edge || bestCut == n ? n : bestCut;
        double seconds = minimiseEnergy ? costs.expectedSeconds(bestCut, cut2, all, uplinkBps) : best;
        return new Decision(new Placement(bestCut, cut2), noExits, seconds);
    }

    private double cost(int cut1, int cut2, double uplinkBps) {
        return minimiseEnergy ? costs.expectedDeviceJoules(cut1, cut2, all, uplinkBps)
                : costs.expectedSeconds(cut1, cut2, all, uplinkBps);
    }
}
