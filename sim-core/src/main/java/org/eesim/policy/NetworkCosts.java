package org.eesim.policy;

import java.util.List;
import java.util.Map;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Link;
import org.eesim.scenario.Scenario;

/**
 * The expected-time model the policies plan with, as POPEX writes it: every layer and branch
 * costs its mean time on its tier times the probability that a request reaches it, and every cut
 * costs (bytes * 8 / rate + delay) times the probability that a request crosses it. Queueing is
 * left out (the empty-queue time), which is what the simulated mean approaches at low load.
 *
 * <p>Layers are numbered 1..n; tier 0 is the device, 1 the edge, 2 the cloud. A tier that does not
 * exist has speed NaN.
 */
public final class NetworkCosts {

    public static final int DEVICE = 0;
    public static final int EDGE = 1;
    public static final int CLOUD = 2;

    private final Profile profile;
    private final int n;
    private final double[] layerSeconds;
    private final double[] branchSeconds;
    private final int[] branchAfter;
    private final long[] bytesAfter;
    private final double[] speed = new double[3];
    private final Link uplink;
    private final Link wan;
    private final Map<String, Double> mix;

    public NetworkCosts(Scenario s) {
        this.profile = s.profile();
        this.n = profile.layers().size();
        this.layerSeconds = new double[n + 1];
        this.bytesAfter = new long[n + 1];
        for (int j = 0; j <= n; j++) {
            bytesAfter[j] = profile.bytesAfter(j);
            if (j > 0) {
                layerSeconds[j] = profile.layers().get(j - 1).time().meanSeconds();
            }
        }
        List<Branch> branches = profile.branches();
        this.branchSeconds = new double[branches.size()];
        this.branchAfter = new int[branches.size()];
        for (int b = 0; b < branches.size(); b++) {
            branchSeconds[b] = branches.get(b).time().meanSeconds();
            branchAfter[b] = branches.get(b).afterLayer();
        }
        speed[DEVICE] = s.tiers().device().speed();
        speed[EDGE] = s.tiers().hasEdge() ? s.tiers().edge().speed() : Double.NaN;
        speed[CLOUD] = s.tiers().hasCloud() ? s.tiers().cloud().speed() : Double.NaN;
        this.uplink = s.links().uplink();
        this.wan = s.links().wan();
        this.mix = s.workload().mix();
    }

    public int layers() {
        return n;
    }

    public boolean hasTier(int tier) {
        return !Double.isNaN(speed[tier]);
    }

    /** Mean time of layer {@code j} (1..n) on {@code tier}. */
    public double layerSeconds(int j, int tier) {
        return layerSeconds[j] / speed[tier];
    }

    public long bytesAfter(int j) {
        return bytesAfter[j];
    }

    /** The tier right after the device: the edge, or the cloud without an edge; -1 with neither. */
    public int serverTier() {
        return hasTier(EDGE) ? EDGE : hasTier(CLOUD) ? CLOUD : -1;
    }

    public boolean hasUplink() {
        return uplink != null;
    }

    /** Seconds to move the output of {@code j} layers from tier {@code from} to tier {@code to}. */
    public double transferSeconds(int j, int from, int to, double uplinkBps) {
        double bits = bytesAfter[j] * 8.0;
        double t = 0;
        if (from == DEVICE) {
            t += bits / uplinkBps + uplink.delaySeconds();
        }
        if (to == CLOUD && hasTier(EDGE)) {
            t += bits / wan.bandwidthBps() + wan.delaySeconds();
        }
        return t;
    }

    /** Cost (seconds, times reach) of the branches right after layer {@code j}, run on {@code tier}. */
    public double branchesAfter(int j, int tier, Reach reach) {
        double c = 0;
        for (int b = 0; b < branchAfter.length; b++) {
            if (branchAfter[b] == j) {
                c += reach.branchPaid[b] * branchSeconds[b] / speed[tier];
            }
        }
        return c;
    }

    /**
     * E[T] of the placement (cut1, cut2), term by term as POPEX writes it. Cuts must be valid for
     * the tiers (without an edge cut1 == cut2; without a cloud cut2 == n).
     */
    public double expectedSeconds(int cut1, int cut2, Reach reach, double uplinkBps) {
        double t = 0;
        for (int j = 1; j <= n; j++) {
            int tier = j <= cut1 ? DEVICE : j <= cut2 ? EDGE : CLOUD;
            t += reach.layer[j] * layerSeconds(j, tier) + branchesAfter(j, tier, reach);
        }
        if (cut1 < n) {
            t += reach.layer[cut1 + 1] * (bytesAfter[cut1] * 8.0 / uplinkBps + uplink.delaySeconds());
        }
        if (hasTier(EDGE) && hasTier(CLOUD) && cut2 < n) {
            // also when cut1 == cut2: the tensor goes device -> edge's transmitter -> cloud
            t += reach.layer[cut2 + 1] * (bytesAfter[cut2] * 8.0 / wan.bandwidthBps() + wan.delaySeconds());
        }
        return t;
    }

    /** True when (cut1, cut2) places layers only on tiers that exist. */
    public boolean valid(int cut1, int cut2) {
        return 0 <= cut1 && cut1 <= cut2 && cut2 <= n
                && (hasTier(EDGE) || cut1 == cut2) && (hasTier(CLOUD) || cut2 == n)
                && (cut1 == n || uplink != null);
    }

    /**
     * Probabilities of reaching each layer and branch under {@code rule}, over the scenario's
     * condition mix: from every trace sample (the exits' correlation kept) or from the rate table.
     */
    public Reach reach(ExitRule rule) {
        int exits = profile.exitCount();
        double[] share = new double[exits];
        double accuracy = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            Condition c = profile.conditions().get(e.getKey());
            double w = e.getValue();
            double[] s = c instanceof Condition.Trace t ? traceShares(t, rule) : rateShares((Condition.Rates) c, rule);
            for (int x = 0; x < exits; x++) {
                share[x] += w * s[x];
            }
            accuracy += w * s[exits];
        }
        return Reach.of(share, accuracy, branchAfter, n, rule, profile);
    }

    /** Exit shares, then the accuracy, in one array of exitCount + 1. */
    private double[] traceShares(Condition.Trace t, ExitRule rule) {
        int exits = profile.exitCount();
        double[] out = new double[exits + 1];
        int right = 0;
        for (int i = 0; i < t.samples(); i++) {
            int exit = exits - 1;
            for (int b = 0; b < exits - 1; b++) {
                String name = profile.exitName(b);
                if (rule.enabled(name) && rule.kind().exits(t.confidence(i, b), t.entropy(i, b), rule.thresholdOf(name))) {
                    exit = b;
                    break;
                }
            }
            out[exit]++;
            right += t.correct(i, exit) ? 1 : 0;
        }
        for (int x = 0; x < exits; x++) {
            out[x] /= t.samples();
        }
        out[exits] = (double) right / t.samples();
        return out;
    }

    private double[] rateShares(Condition.Rates r, ExitRule rule) {
        int exits = profile.exitCount();
        Condition.RateRow row = r.row(rule.threshold());
        if (row == null) {
            throw new IllegalArgumentException("condition " + r.name() + " has no rate row at threshold "
                    + rule.threshold());
        }
        double[] out = new double[exits + 1];
        double alive = 1;
        for (int b = 0; b < exits - 1; b++) {
            double p = rule.enabled(profile.exitName(b)) ? row.exitProbability()[b] : 0;
            out[b] = alive * p;
            alive -= out[b];
        }
        out[exits - 1] = alive;
        double acc = 0;
        for (int x = 0; x < exits; x++) {
            acc += out[x] == 0 ? 0 : out[x] * row.accuracy()[x];
        }
        out[exits] = acc;
        return out;
    }
}
