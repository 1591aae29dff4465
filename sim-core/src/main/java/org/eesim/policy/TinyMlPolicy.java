package org.eesim.policy;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;
import org.eesim.scenario.Tier;

/**
 * TinyML edge / device / mixed (seed 002) between the device and the next tier (the edge, or the
 * cloud without one): {@link TinyMlRule} on the profile's mean layer times on both tiers, the
 * tensor sizes and the uplink estimate. The rule knows no early exits and no propagation delay.
 * Times go in as milliseconds and the rate as bytes per millisecond, the seed's units, so the
 * published code's rounding to 3 decimals rounds to the microsecond as it did there.
 *
 * <p>With the published indexing, the choice L of a mixed split runs L layers on the device (what
 * its cost charged the device for) and device only (reported there as m - 1) runs all m.
 *
 * <p>Its expected time is the rule's own cost of its choice (no exits, no propagation delay, the
 * published indexing's own sizes and rounding when asked for), not the time the run will take.
 */
public final class TinyMlPolicy implements OffloadPolicy {

    private final NetworkCosts costs;
    private final ExitRule rule;
    private final boolean published;
    private final double[] tDev;
    private final double[] tServer;
    private final long[] sizes;

    public TinyMlPolicy(NetworkCosts costs, ExitRule rule, boolean published) {
        this.costs = costs;
        this.rule = rule;
        this.published = published;
        int m = costs.layers();
        this.tDev = new double[m];
        this.tServer = new double[m];
        this.sizes = new long[m];
        for (int j = 0; j < m; j++) {
            tDev[j] = costs.layerSeconds(j + 1, Tier.DEVICE) * 1e3;
            tServer[j] = costs.layerSeconds(j + 1, costs.serverTier()) * 1e3;
            sizes[j] = costs.bytesAfter(j);
        }
    }

    @Override
    public Decision decide(double uplinkBps) {
        int m = costs.layers();
        double bytesPerMs = uplinkBps / 8 / 1e3;
        int l;
        double ms;
        if (published) {
            int r = TinyMlRule.published(bytesPerMs, tDev, tServer, sizes);
            l = r == m - 1 ? m : r;
            ms = TinyMlRule.publishedCost(bytesPerMs, tDev, tServer, sizes, r);
        } else {
            l = TinyMlRule.stated(bytesPerMs, tDev, tServer, sizes);
            ms = TinyMlRule.statedCost(bytesPerMs, tDev, tServer, sizes, l);
        }
        int cut2 = costs.serverTier() == Tier.EDGE ? m : l;
        // the rule's own estimate: its cost of the choice, which knows no exits and no delay
        return new Decision(new Placement(l, cut2), rule, ms / 1e3);
    }
}
