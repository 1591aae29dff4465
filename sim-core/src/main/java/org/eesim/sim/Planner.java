package org.eesim.sim;

import java.util.List;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Exits;
import org.eesim.scenario.Placement;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.Tier;

/**
 * Decides, when a request is born, which input it carries, where it exits, and how long each tier
 * computes for it. Everything is drawn from the request's own generators, so the same request
 * gets the same input and the same per-layer noise whatever the placement or policy.
 */
final class Planner {

    private final Profile profile;
    private final Topology topology;
    private final int layerCount;
    private Placement placement;
    private final boolean hasEdge;
    private final ServiceTimeModel timeModel;
    /** {@code empirical}: the number of repetitions each layer has (0: none, means are used). */
    private final int repetitions;
    private final int edgeCount;
    private final int cloudCount;
    /** Round robin: the edge the next request that leaves its device takes. */
    private int turn;
    private final double[] speed = new double[3];
    /** Seconds of a core each tier spends per request it handles besides its layers (tiers.*.per_message). */
    private final double[] perMessage = new double[3];
    private final double[] perMessageSd = new double[3];
    /** Whether any tier has a per-message cost (otherwise planning skips them). */
    private final boolean messageCosts;
    /** The answer's bytes, when it travels back to the device; -1: it does not (no answer section). */
    private final double answerBytes;

    private final int branchCount;
    private final int[] branchAfter;
    private Exits exits;

    /** The mix's conditions, then the expert variants they can be switched to. */
    private final Condition[] conditions;
    private final double[] cumulativeMix;
    private final Condition.RateRow[] rateRows;
    private final PolicyConfig.Expert expert;
    /** Per mix condition: cumulative probability of each guess, and the condition it leads to. */
    private final double[][] guessCumulative;
    private final int[][] variantOf;

    /** A planner whose requests walk routes over {@code topology}. */
    Planner(Scenario s, Topology topology) {
        this.profile = s.profile();
        this.topology = topology;
        this.layerCount = profile.layers().size();
        this.hasEdge = s.tiers().hasEdge();
        this.timeModel = s.serviceTime();
        String unusable = org.eesim.scenario.ServiceTimeCheck.problem(profile, timeModel);
        if (unusable != null) {
            throw new IllegalArgumentException(unusable);
        }
        this.repetitions = org.eesim.scenario.ServiceTimeCheck.repetitions(profile);
        this.edgeCount = hasEdge ? s.tiers().edge().count() : 0;
        this.cloudCount = s.tiers().hasCloud() ? s.tiers().cloud().count() : 0;
        for (Tier t : Tier.values()) {
            speed[t.ordinal()] = s.tiers().of(t) == null ? Double.NaN : s.tiers().of(t).speed();
            perMessage[t.ordinal()] = s.tiers().of(t) == null ? 0 : s.tiers().of(t).messageSeconds();
            perMessageSd[t.ordinal()] = s.tiers().of(t) == null ? 0 : s.tiers().of(t).messageSdSeconds();
        }
        this.messageCosts = perMessage[0] > 0 || perMessage[1] > 0 || perMessage[2] > 0;
        this.answerBytes = s.answer() == null ? -1 : s.answer().bytes();

        List<Branch> branches = profile.branches();
        this.branchCount = branches.size();
        this.branchAfter = new int[branchCount];
        for (int b = 0; b < branchCount; b++) {
            branchAfter[b] = branches.get(b).afterLayer();
        }

        int c = s.workload().mix().size();
        this.expert = s.policy().expert();
        List<Condition> all = new java.util.ArrayList<>();
        this.cumulativeMix = new double[c];
        double acc = 0;
        for (var e : s.workload().mix().entrySet()) {
            all.add(profile.conditions().get(e.getKey()));
            acc += e.getValue();
            cumulativeMix[all.size() - 1] = acc;
        }
        cumulativeMix[c - 1] = 1.0;
        this.guessCumulative = new double[c][3];
        this.variantOf = new int[c][3];
        if (expert != null) {
            for (int i = 0; i < c; i++) {
                int truth = PolicyConfig.Expert.classOf(all.get(i).name(), all.get(i).parameters());
                if (truth < 0) {
                    throw new IllegalArgumentException("condition " + all.get(i).name() + " has no distortion class");
                }
                double[] row = expert.confusion()[truth];
                double g = 0;
                for (int k = 0; k < 3; k++) {
                    g += row[k];
                    guessCumulative[i][k] = k == 2 ? 1.0 : g;
                    variantOf[i][k] = k == 0 ? i : row[k] == 0 ? -1 : all.size();
                    if (k > 0 && row[k] > 0) {
                        all.add(profile.conditions().get(PolicyConfig.Expert.variant(all.get(i).name(), k)));
                    }
                }
            }
        }
        this.conditions = all.toArray(Condition[]::new);
        this.rateRows = new Condition.RateRow[conditions.length];
        if (s.placement() != null) {
            apply(s.placement(), s.exitRule());
        }
    }

    /** From now on, requests are planned with these cuts and this exit rule (a policy's decision). */
    void apply(Placement placement, ExitRule exitRule) {
        this.placement = placement;
        this.exits = Exits.of(exitRule, profile);
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i] instanceof Condition.Rates rates) {
                rateRows[i] = exits.row(rates);
            }
        }
    }

    /**
     * A request born now on {@code device}: assigned to its machines by the {@link Topology},
     * planned from its own input and noise seeds, its route built.
     */
    Request newRequest(int device, int user, double now, boolean measured, Streams streams) {
        Request r = new Request();
        r.device = device;
        r.user = user;
        r.birth = now;
        r.measured = measured;
        streams.nextRequest(device, user);
        plan(r, streams.input(), streams.noise(), streams.classifier());
        r.edge = edgeCount == 0 ? -1 : edgeOf(r, now);
        route(r, streams.jitter());
        return r;
    }

    /**
     * The edge machine that serves {@code r} ({@link org.eesim.scenario.EdgeAssignment}): its
     * device's static one, or, for a request that leaves its device, the next in turn or the one
     * free first. A request that stays on its device takes no turn.
     */
    private int edgeOf(Request r, double now) {
        switch (topology.assignment()) {
            case ROUND_ROBIN:
                if (r.crossesUplink) {
                    int e = turn;
                    turn = turn + 1 == edgeCount ? 0 : turn + 1;
                    return e;
                }
                break;
            case LEAST_LOADED:
                if (r.crossesUplink) {
                    return topology.leastLoadedEdge(now);
                }
                break;
            case STATIC:
            default:
                break;
        }
        return topology.staticEdge(r.device);
    }

    /**
     * The request's legs, in path order: the one place that says which resources a request
     * visits. Its device when a layer (or the expert classifier) runs there, the uplink when it
     * leaves the device, the edge when the edge has layers and it does not exit before them,
     * the WAN and the cloud when it exits in the cloud. The device and its access point are the
     * device's own; the edge, WAN and cloud those of the request's edge. With an {@code answer}
     * section the answer then crosses back every link the request crossed, on the links' return
     * transmitters: the WAN's, then the device's downlink. A tier with a per-message cost is
     * visited by every request that passes through it, even one with no layer to run there.
     */
    private void route(Request r, SplitMix jitter) {
        LinkModel up = topology.uplink();
        LinkModel wan = topology.wan();
        // drawn for every request, crossing or not, so that a placement does not shift the draws
        double upDelay = up == null ? 0 : up.delay(jitter);
        double wanDelay = wan == null ? 0 : wan.delay(jitter);
        int d = r.device;
        if (r.cut1 >= 1 || r.compute[Tier.DEVICE.ordinal()] > 0) {
            r.addLeg(Topology.Kind.DEVICE, topology.of(Topology.Kind.DEVICE, d), r.compute[Tier.DEVICE.ordinal()], 0);
        }
        if (r.crossesUplink) {
            r.uplinkLeg = r.legCount;
            r.addLeg(Topology.Kind.UPLINK, topology.of(Topology.Kind.UPLINK, d), r.uplinkBytes, upDelay);
        }
        // past the access point, the request follows its edge (r.edge), chosen at birth
        if (hasEdge && (r.cut2 > r.cut1 || perMessage[Tier.EDGE.ordinal()] > 0) && r.exitTier != Tier.DEVICE) {
            r.addLeg(Topology.Kind.EDGE, r.edge, r.compute[Tier.EDGE.ordinal()], 0);
        }
        if (r.crossesWan) {
            r.addLeg(Topology.Kind.WAN, topology.wanOfEdge(r.edge), r.wanBytes, wanDelay);
        }
        if (r.exitTier == Tier.CLOUD) {
            r.addLeg(Topology.Kind.CLOUD, hasEdge ? topology.cloudOfEdge(r.edge) : topology.of(Topology.Kind.CLOUD, d),
                    r.compute[Tier.CLOUD.ordinal()], 0);
        }
        if (answerBytes >= 0) {
            // the way back: drawn only with an answer section, so that scenarios without one keep their draws
            if (r.crossesWan) {
                r.addLeg(Topology.Kind.WAN_DOWN, topology.wanDownOfEdge(r.edge), answerBytes, wan.delay(jitter));
            }
            if (r.crossesUplink) {
                r.addLeg(Topology.Kind.DOWNLINK, topology.of(Topology.Kind.DOWNLINK, d), answerBytes, up.delay(jitter));
            }
        }
    }

    /** The condition whose exit data a request of mix condition {@code c} uses, after the classifier's guess. */
    private int guess(int c, SplitMix classifier) {
        double u = classifier.nextDouble();
        int k = 0;
        while (k < 2 && u >= guessCumulative[c][k]) {
            k++;
        }
        return variantOf[c][k];
    }

    void plan(Request r, SplitMix input, SplitMix noise, SplitMix classifier) {
        double u = input.nextDouble();
        int c = 0;
        while (u >= cumulativeMix[c]) {
            c++;
        }
        r.condition = c;
        r.cut1 = placement.cut1();
        r.cut2 = placement.cut2();
        r.threshold = exits.defaultThreshold();
        int used = expert == null ? c : guess(c, classifier);
        if (conditions[used] instanceof Condition.Trace trace) {
            int sample = input.nextInt(trace.samples());
            r.exit = exits.ofSample(trace, sample);
            r.correct = trace.correct(sample, r.exit) ? 1 : 0;
        } else {
            r.exit = exits.ofDraws(rateRows[used], input);
            double accuracy = exits.noneEnabled() ? Double.NaN : rateRows[used].accuracy()[r.exit];
            r.correct = Double.isNaN(accuracy) ? -1 : input.nextDouble() < accuracy ? 1 : 0;
        }
        int exitLayer = r.exit < branchCount ? branchAfter[r.exit] : layerCount;
        r.exitTier = placement.tierOf(exitLayer);
        computeTimes(r, exitLayer, noise);
        if (messageCosts) {
            addMessageCosts(r, noise);
        }
        if (expert != null) {
            r.compute[Tier.DEVICE.ordinal()] += expert.classifierSeconds() / speed[Tier.DEVICE.ordinal()];
        }
        r.crossesUplink = r.exitTier != Tier.DEVICE;
        r.uplinkBytes = r.crossesUplink ? profile.bytesAfter(r.cut1) : 0;
        r.crossesWan = hasEdge && r.exitTier == Tier.CLOUD;
        r.wanBytes = r.crossesWan ? profile.bytesAfter(r.cut2) : 0;
    }

    private void computeTimes(Request r, int exitLayer, SplitMix noise) {
        double[] t = r.compute;
        t[0] = 0;
        t[1] = 0;
        t[2] = 0;
        List<Layer> layers = profile.layers();
        // empirical: one measured forward pass for the whole request
        int rep = timeModel == ServiceTimeModel.EMPIRICAL && repetitions > 0 ? noise.nextInt(repetitions) : -1;
        int b = 0;
        for (int j = 1; j <= exitLayer; j++) {
            int tier = placement.tierOf(j).ordinal();
            t[tier] += draw(layers.get(j - 1).time(), rep, noise) / speed[tier];
            // branches after layer j run on the same tier, up to and including the exit
            while (b < branchCount && branchAfter[b] == j && b <= r.exit) {
                if (exits.enabled(b)) {
                    t[tier] += draw(profile.branches().get(b).time(), rep, noise) / speed[tier];
                }
                b++;
            }
        }
    }

    /**
     * Each tier's per-message cost, for every tier the request passes through: the device always
     * (it sends the request, or answers it), the edge when the request leaves the device, the
     * cloud when it exits there; log-normal draws from the request's noise stream where a tier
     * gives an sd (none otherwise, so that constant costs leave the draws as they were).
     */
    private void addMessageCosts(Request r, SplitMix noise) {
        r.compute[Tier.DEVICE.ordinal()] += messageCost(Tier.DEVICE, noise);
        if (hasEdge && r.exitTier != Tier.DEVICE) {
            r.compute[Tier.EDGE.ordinal()] += messageCost(Tier.EDGE, noise);
        }
        if (r.exitTier == Tier.CLOUD) {
            r.compute[Tier.CLOUD.ordinal()] += messageCost(Tier.CLOUD, noise);
        }
    }

    private double messageCost(Tier t, SplitMix noise) {
        int i = t.ordinal();
        return perMessageSd[i] > 0 ? logNormal(perMessage[i], perMessageSd[i], noise) : perMessage[i];
    }

    /** A layer's or branch's time for a request whose measured repetition (empirical) is {@code rep}. */
    private static double draw(TimeStats time, ServiceTimeModel model, int rep, SplitMix noise) {
        switch (model) {
            case MEAN:
                return time.meanSeconds();
            case EXPONENTIAL:
                return noise.nextExponential(time.meanSeconds());
            case LOGNORMAL:
                return logNormal(time.meanSeconds(), time.sdSeconds(), noise);
            case EMPIRICAL:
            default:
                double[] samples = time.samples();
                return samples.length == 0 ? time.meanSeconds() : samples[rep];
        }
    }

    private double draw(TimeStats time, int rep, SplitMix noise) {
        return draw(time, timeModel, rep, noise);
    }

    /** Log-normal with mean {@code m} and sd {@code sd}: sigma^2 = ln(1 + sd^2/m^2), mu = ln m - sigma^2/2. */
    static double logNormal(double m, double sd, SplitMix noise) {
        if (sd == 0 || m == 0) {
            return m;
        }
        double s2 = Math.log1p(sd * sd / (m * m));
        return Math.exp(Math.log(m) - s2 / 2 + Math.sqrt(s2) * noise.nextGaussian());
    }
}
