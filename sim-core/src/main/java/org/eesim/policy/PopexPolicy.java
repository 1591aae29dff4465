package org.eesim.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;

/**
 * POPEX (seed 003): for each threshold configuration, the partition of least expected time by
 * {@link ShortestPartition}; of the configurations whose expected time meets the latency
 * requirement, the one of highest accuracy (ties: the faster; accuracy unknown, as in rate tables
 * without it: the one that exits least under the rule in force); when none meets it, the fastest. A configuration is one
 * threshold for every branch, or a threshold per branch as POPEX varies them. Reach probabilities do not
 * depend on the rate, so they are computed once per configuration.
 */
public final class PopexPolicy implements OffloadPolicy {

    private final NetworkCosts costs;
    private final List<ExitRule> rules = new ArrayList<>();
    private final List<Reach> reaches = new ArrayList<>();
    private final Double latencySeconds;

    /**
     * @param thresholds       candidate thresholds, each for every branch
     * @param branchThresholds candidate per-branch thresholds (branches not named keep the base
     *                         rule's threshold); with both lists empty, the base rule only
     */
    public PopexPolicy(NetworkCosts costs, ExitRule base, List<Double> thresholds,
                       List<Map<String, Double>> branchThresholds, Double latencySeconds) {
        this.costs = costs;
        this.latencySeconds = latencySeconds;
        if (thresholds.isEmpty() && branchThresholds.isEmpty()) {
            rules.add(base);
        }
        for (double t : thresholds) {
            rules.add(new ExitRule(base.kind(), t, Map.of(), base.disabled()));
        }
        for (Map<String, Double> perBranch : branchThresholds) {
            rules.add(new ExitRule(base.kind(), base.threshold(), perBranch, base.disabled()));
        }
        for (ExitRule r : rules) {
            reaches.add(costs.reach(r));
        }
    }

    @Override
    public Decision decide(double uplinkBps) {
        Decision best = null;
        double bestAccuracy = Double.NaN;
        boolean bestMeets = false;
        for (int i = 0; i < rules.size(); i++) {
            ShortestPartition.Result r = ShortestPartition.solve(costs, reaches.get(i), uplinkBps);
            boolean meets = latencySeconds == null || r.expectedSeconds() <= latencySeconds;
            double acc = reaches.get(i).accuracy();
            Decision d = new Decision(new Placement(r.cut1(), r.cut2()), rules.get(i), r.expectedSeconds());
            if (best == null || better(meets, acc, d, bestMeets, bestAccuracy, best)) {
                best = d;
                bestAccuracy = acc;
                bestMeets = meets;
            }
        }
        return best;
    }

    private boolean better(boolean meets, double acc, Decision d, boolean bestMeets, double bestAcc, Decision best) {
        if (meets != bestMeets) {
            return meets;
        }
        if (!meets) {
            return d.expectedSeconds() < best.expectedSeconds();
        }
        if (Double.isNaN(acc) || Double.isNaN(bestAcc)) {
            return exitsLess(d.exitRule(), best.exitRule());
        }
        return acc > bestAcc || acc == bestAcc && d.expectedSeconds() < best.expectedSeconds();
    }

    /**
     * Without accuracies, the configuration that exits least early is the best guess at the most
     * accurate: the higher threshold for max_softmax (exit when confidence >= it), the lower for
     * entropy (exit when entropy <= it).
     */
    private static boolean exitsLess(ExitRule a, ExitRule b) {
        return a.kind() == ExitRule.Kind.ENTROPY ? a.threshold() < b.threshold() : a.threshold() > b.threshold();
    }
}
