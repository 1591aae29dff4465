package org.eesim.policy;

import java.util.List;
import java.util.Map;

import org.eesim.profile.Branch;
import org.eesim.profile.Profile;
import org.eesim.scenario.Energy;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Exits;
import org.eesim.scenario.Link;
import org.eesim.scenario.Placement;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Tier;

/**
 * The expected-time model the policies plan with, as POPEX writes it: every layer and branch
 * costs its mean time on its tier times the probability that a request reaches it, and every cut
 * costs (bytes * 8 / rate + delay) times the probability that a request crosses it. Queueing is
 * left out (the empty-queue time), which is what the simulated mean approaches at low load.
 *
 * <p>Layers are numbered 1..n. A tier that does not exist has speed NaN. The exit shares come from
 * {@link Exits}, the rule the simulator draws exits with, and the tier of a layer from
 * {@link Placement#tierOf}: plans and runs cannot disagree on either.
 */
public final class NetworkCosts {

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
    /** The scenario's energy section, or null: then no energy can be expected. */
    private final Energy energy;
    private final int deviceCores;

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
        for (Tier t : Tier.values()) {
            speed[t.ordinal()] = s.tiers().of(t) == null ? Double.NaN : s.tiers().of(t).speed();
        }
        this.uplink = s.links().uplink();
        this.wan = s.links().wan();
        this.mix = s.workload().mix();
        this.energy = s.energy();
        this.deviceCores = s.tiers().device().cores();
    }

    public int layers() {
        return n;
    }

    public boolean hasTier(Tier tier) {
        return !Double.isNaN(speed[tier.ordinal()]);
    }

    /** Mean time of layer {@code j} (1..n) on {@code tier}. */
    public double layerSeconds(int j, Tier tier) {
        return layerSeconds[j] / speed[tier.ordinal()];
    }

    public long bytesAfter(int j) {
        return bytesAfter[j];
    }

    /** The tier right after the device: the edge, or the cloud without an edge; null with neither. */
    public Tier serverTier() {
        return hasTier(Tier.EDGE) ? Tier.EDGE : hasTier(Tier.CLOUD) ? Tier.CLOUD : null;
    }

    public boolean hasUplink() {
        return uplink != null;
    }

    /** Seconds to move the output of {@code j} layers from tier {@code from} to tier {@code to}. */
    public double transferSeconds(int j, Tier from, Tier to, double uplinkBps) {
        double bits = bytesAfter[j] * 8.0;
        double t = 0;
        if (from == Tier.DEVICE) {
            t += bits / uplinkBps + uplink.delaySeconds();
        }
        if (to == Tier.CLOUD && hasTier(Tier.EDGE)) {
            t += bits / wan.bandwidthBps() + wan.delaySeconds();
        }
        return t;
    }

    /** Cost (seconds, times reach) of the branches right after layer {@code j}, run on {@code tier}. */
    public double branchesAfter(int j, Tier tier, Reach reach) {
        double c = 0;
        for (int b = 0; b < branchAfter.length; b++) {
            if (branchAfter[b] == j) {
                c += reach.branchPaid[b] * branchSeconds[b] / speed[tier.ordinal()];
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
            Tier tier = Placement.tierOf(j, cut1, cut2);
            t += reach.layer[j] * layerSeconds(j, tier) + branchesAfter(j, tier, reach);
        }
        if (cut1 < n) {
            t += reach.layer[cut1 + 1] * (bytesAfter[cut1] * 8.0 / uplinkBps + uplink.delaySeconds());
        }
        if (hasTier(Tier.EDGE) && hasTier(Tier.CLOUD) && cut2 < n) {
            // also when cut1 == cut2: the tensor goes device -> edge's transmitter -> cloud
            t += reach.layer[cut2 + 1] * (bytesAfter[cut2] * 8.0 / wan.bandwidthBps() + wan.delaySeconds());
        }
        return t;
    }

    /**
     * E[J] the device spends on a request under (cut1, cut2), the counterpart of
     * {@link #expectedSeconds}: every layer and branch on the device costs its reach times its
     * mean time times what a busy core adds to the device's idle draw; crossing the uplink costs
     * its reach times the radio's send energy at {@code uplinkBps} and a whole tail. The simulator
     * cuts a tail short when the device sends again within it; this model, like the time model's
     * empty queues, takes transfers to be far apart. Needs the scenario's energy section.
     */
    public double expectedDeviceJoules(int cut1, int cut2, Reach reach, double uplinkBps) {
        if (energy == null) {
            throw new IllegalStateException("the scenario has no energy section");
        }
        double perSecond = energy.device().joulesPerCoreSecond(deviceCores);
        double j = 0;
        for (int l = 1; l <= cut1; l++) {
            j += perSecond * (reach.layer[l] * layerSeconds(l, Tier.DEVICE) + branchesAfter(l, Tier.DEVICE, reach));
        }
        if (cut1 < n) {
            long bytes = bytesAfter[cut1];
            Energy.Radio radio = energy.radio();
            j += reach.layer[cut1 + 1] * (radio.sendJoules(bytes * 8.0 / uplinkBps, bytes) + radio.tailJoules());
        }
        return j;
    }

    /** True when (cut1, cut2) places layers only on tiers that exist. */
    public boolean valid(int cut1, int cut2) {
        return 0 <= cut1 && cut1 <= cut2 && cut2 <= n
                && (hasTier(Tier.EDGE) || cut1 == cut2) && (hasTier(Tier.CLOUD) || cut2 == n)
                && (cut1 == n || uplink != null);
    }

    /**
     * Probabilities of reaching each layer and branch under {@code rule}, over the scenario's
     * condition mix: from every trace sample (the exits' correlation kept) or from the rate table.
     */
    public Reach reach(ExitRule rule) {
        int exits = profile.exitCount();
        Exits rules = Exits.of(rule, profile);
        double[] share = new double[exits];
        double accuracy = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            double w = e.getValue();
            double[] s = rules.shares(profile.conditions().get(e.getKey()));
            for (int x = 0; x < exits; x++) {
                share[x] += w * s[x];
            }
            accuracy += w * s[exits];
        }
        return Reach.of(share, accuracy, branchAfter, n, rule, profile);
    }
}
