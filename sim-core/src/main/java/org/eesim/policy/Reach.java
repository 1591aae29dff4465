package org.eesim.policy;

import org.eesim.profile.Profile;
import org.eesim.scenario.ExitRule;

/**
 * Where requests get to under one exit rule: the probability of reaching each layer (index 1..n)
 * and of paying for each branch (reached and enabled), and the expected accuracy (NaN when the
 * profile publishes none).
 */
public final class Reach {

    final double[] layer;
    final double[] branchPaid;
    private final double accuracy;

    private Reach(double[] layer, double[] branchPaid, double accuracy) {
        this.layer = layer;
        this.branchPaid = branchPaid;
        this.accuracy = accuracy;
    }

    static Reach of(double[] share, double accuracy, int[] branchAfter, int n, ExitRule rule, Profile p) {
        int branches = branchAfter.length;
        double[] layer = new double[n + 2];
        double[] paid = new double[branches];
        for (int j = 1; j <= n + 1; j++) {
            double alive = share[branches];
            for (int b = 0; b < branches; b++) {
                if (branchAfter[b] >= j) {
                    alive += share[b];
                }
            }
            layer[j] = Math.min(1.0, alive);
        }
        layer[n + 1] = 0; // nothing crosses a cut after the last layer
        for (int b = 0; b < branches; b++) {
            double reached = 0;
            for (int x = b; x <= branches; x++) {
                reached += share[x];
            }
            paid[b] = rule.enabled(p.exitName(b)) ? Math.min(1.0, reached) : 0;
        }
        return new Reach(layer, paid, accuracy);
    }

    /** P(reach layer j), j in 1..n. */
    public double layer(int j) {
        return layer[j];
    }

    public double accuracy() {
        return accuracy;
    }
}
