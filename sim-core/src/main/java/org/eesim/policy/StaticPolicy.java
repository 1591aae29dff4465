package org.eesim.policy;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;

/**
 * A decision that never changes: the scenario's fixed cuts, or everything on one tier
 * (device only: cuts (n, n); edge only: (0, n); cloud only: (0, 0)).
 */
public final class StaticPolicy implements OffloadPolicy {

    private final Decision decision;

    public StaticPolicy(Placement placement, ExitRule rule) {
        this.decision = new Decision(placement, rule, Double.NaN);
    }

    public static StaticPolicy deviceOnly(int layers, ExitRule rule) {
        return new StaticPolicy(new Placement(layers, layers), rule);
    }

    public static StaticPolicy edgeOnly(int layers, ExitRule rule) {
        return new StaticPolicy(new Placement(0, layers), rule);
    }

    public static StaticPolicy cloudOnly(ExitRule rule) {
        return new StaticPolicy(new Placement(0, 0), rule);
    }

    @Override
    public Decision decide(double uplinkBps) {
        return decision;
    }
}
