package org.eesim.sim;

import java.util.List;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;

/**
 * Decides, when a request is born, which input it carries, where it exits, and how long each tier
 * computes for it. Everything is drawn from the request's own generators, so the same request
 * gets the same input and the same per-layer noise whatever the placement or policy.
 */
final class Planner {

    private final Profile profile;
    private final int layerCount;
    private int cut1;
    private int cut2;
    private final boolean hasEdge;
    private final ServiceTimeModel timeModel;
    private final int edgeCount;
    private final int cloudCount;
    private final double[] speed = new double[3];

    private final int branchCount;
    private final boolean[] enabled;
    private final double[] threshold;
    private final int[] branchAfter;
    private ExitRule.Kind rule;
    private double defaultThreshold;

    /** The mix's conditions, then the expert variants they can be switched to. */
    private final Condition[] conditions;
    private final double[] cumulativeMix;
    private final Condition.RateRow[] rateRows;
    private final PolicyConfig.Expert expert;
    /** Per mix condition: cumulative probability of each guess, and the condition it leads to. */
    private final double[][] guessCumulative;
    private final int[][] variantOf;

    Planner(Scenario s) {
        this.profile = s.profile();
        this.layerCount = profile.layers().size();
        this.hasEdge = s.tiers().hasEdge();
        this.timeModel = s.serviceTime();
        this.edgeCount = hasEdge ? s.tiers().edge().count() : 0;
        this.cloudCount = s.tiers().hasCloud() ? s.tiers().cloud().count() : 0;
        speed[Request.DEVICE] = s.tiers().device().speed();
        speed[Request.EDGE] = hasEdge ? s.tiers().edge().speed() : Double.NaN;
        speed[Request.CLOUD] = s.tiers().hasCloud() ? s.tiers().cloud().speed() : Double.NaN;

        List<Branch> branches = profile.branches();
        this.branchCount = branches.size();
        this.enabled = new boolean[branchCount];
        this.threshold = new double[branchCount];
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
        this.cut1 = placement.cut1();
        this.cut2 = placement.cut2();
        this.rule = exitRule.kind();
        this.defaultThreshold = exitRule.threshold();
        for (int b = 0; b < branchCount; b++) {
            String name = profile.branches().get(b).name();
            enabled[b] = exitRule.enabled(name);
            threshold[b] = exitRule.thresholdOf(name);
        }
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i] instanceof Condition.Rates rates) {
                rateRows[i] = rates.row(exitRule.threshold());
                if (rateRows[i] == null) {
                    throw new IllegalArgumentException("condition " + rates.name() + " has no rate row at threshold "
                            + exitRule.threshold());
                }
            }
        }
    }

    int tierOf(int layer) {
        return layer <= cut1 ? Request.DEVICE : layer <= cut2 ? Request.EDGE : Request.CLOUD;
    }

    /**
     * A request born now on {@code device}: assigned to its edge and cloud machines (device d to
     * edge d mod E, edge e to cloud e mod C, or device d to cloud d mod C without an edge) and
     * planned from its own input and noise seeds.
     */
    Request newRequest(int device, int user, double now, boolean measured, Streams streams) {
        Request r = new Request();
        r.device = device;
        r.user = user;
        r.birth = now;
        r.measured = measured;
        r.edge = edgeCount == 0 ? -1 : device % edgeCount;
        r.cloud = cloudCount == 0 ? -1 : (edgeCount == 0 ? device : r.edge) % cloudCount;
        streams.nextRequest();
        plan(r, streams.input(), streams.noise(), streams.classifier());
        return r;
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
        r.cut1 = cut1;
        r.cut2 = cut2;
        r.threshold = defaultThreshold;
        int used = expert == null ? c : guess(c, classifier);
        if (conditions[used] instanceof Condition.Trace trace) {
            chooseExitFromTrace(r, trace, input);
        } else {
            chooseExitFromRates(r, rateRows[used], input);
        }
        int exitLayer = r.exit < branchCount ? branchAfter[r.exit] : layerCount;
        r.exitTier = tierOf(exitLayer);
        computeTimes(r, exitLayer, noise);
        if (expert != null) {
            r.compute[Request.DEVICE] += expert.classifierSeconds() / speed[Request.DEVICE];
        }
        r.crossesUplink = r.exitTier != Request.DEVICE;
        r.uplinkBytes = r.crossesUplink ? profile.bytesAfter(cut1) : 0;
        r.crossesWan = hasEdge && r.exitTier == Request.CLOUD;
        r.wanBytes = r.crossesWan ? profile.bytesAfter(cut2) : 0;
    }

    private void chooseExitFromTrace(Request r, Condition.Trace trace, SplitMix input) {
        int sample = input.nextInt(trace.samples());
        int exit = branchCount;
        for (int b = 0; b < branchCount; b++) {
            if (enabled[b] && rule.exits(trace.confidence(sample, b), trace.entropy(sample, b), threshold[b])) {
                exit = b;
                break;
            }
        }
        r.exit = exit;
        r.correct = trace.correct(sample, exit) ? 1 : 0;
    }

    private void chooseExitFromRates(Request r, Condition.RateRow row, SplitMix input) {
        int exit = branchCount;
        double[] p = row.exitProbability();
        for (int b = 0; b < branchCount; b++) {
            // drawn even for a disabled branch, so disabling one does not shift the others' draws
            double u = input.nextDouble();
            if (enabled[b] && u < p[b]) {
                exit = b;
                break;
            }
        }
        r.exit = exit;
        double accuracy = row.accuracy()[exit];
        r.correct = Double.isNaN(accuracy) ? -1 : input.nextDouble() < accuracy ? 1 : 0;
    }

    private void computeTimes(Request r, int exitLayer, SplitMix noise) {
        double[] t = r.compute;
        t[0] = 0;
        t[1] = 0;
        t[2] = 0;
        List<Layer> layers = profile.layers();
        int b = 0;
        for (int j = 1; j <= exitLayer; j++) {
            int tier = tierOf(j);
            t[tier] += draw(layers.get(j - 1).time(), noise) / speed[tier];
            // branches after layer j run on the same tier, up to and including the exit
            while (b < branchCount && branchAfter[b] == j && b <= r.exit) {
                if (enabled[b]) {
                    t[tier] += draw(profile.branches().get(b).time(), noise) / speed[tier];
                }
                b++;
            }
        }
    }

    private double draw(TimeStats time, SplitMix noise) {
        switch (timeModel) {
            case MEAN:
                return time.meanSeconds();
            case EXPONENTIAL:
                return noise.nextExponential(time.meanSeconds());
            case EMPIRICAL:
            default:
                double[] samples = time.samples();
                return samples.length == 0 ? time.meanSeconds() : samples[noise.nextInt(samples.length)];
        }
    }
}
