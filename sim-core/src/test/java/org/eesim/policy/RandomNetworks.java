package org.eesim.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Link;
import org.eesim.scenario.Links;
import org.eesim.scenario.Output;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.scenario.Tiers;
import org.eesim.scenario.Workload;

/**
 * Small random early-exit networks and the scenarios around them, from a seed: 2..8 layers of
 * 1..40 ms, outputs of 100 B..300 KB, 0..3 branches at random layers, a trace of 40 samples with
 * random confidences, three tiers of random speeds and random links. Wide ranges on purpose: the
 * best partition then lands on every tier and on both sides of every branch across seeds.
 */
final class RandomNetworks {

    private RandomNetworks() {
    }

    static Profile profile(Random r) {
        int n = 2 + r.nextInt(7);
        List<Layer> layers = new ArrayList<>();
        for (int j = 1; j <= n; j++) {
            long bytes = (long) Math.exp(Math.log(100) + r.nextDouble() * Math.log(3000));
            layers.add(new Layer("l" + j, TimeStats.constant(0.001 + 0.039 * r.nextDouble()), bytes, List.of(), 0));
        }
        int branchCount = r.nextInt(Math.min(3, n - 1) + 1);
        List<Integer> after = new ArrayList<>();
        for (int b = 0; b < branchCount; b++) {
            after.add(1 + r.nextInt(n - 1));
        }
        after.sort(null);
        List<Branch> branches = new ArrayList<>();
        for (int b = 0; b < branchCount; b++) {
            branches.add(new Branch("b" + (b + 1), after.get(b), TimeStats.constant(0.004 * r.nextDouble())));
        }
        int exits = branchCount + 1;
        int samples = 40;
        float[] conf = new float[samples * exits];
        float[] ent = new float[samples * exits];
        boolean[] ok = new boolean[samples * exits];
        for (int i = 0; i < conf.length; i++) {
            conf[i] = r.nextFloat();
            ent[i] = 1 - conf[i];
            ok[i] = r.nextDouble() < 0.4 + 0.5 * conf[i];
        }
        Condition.Trace t = new Condition.Trace("pristine", Map.of(), samples, exits, conf, ent, ok);
        long input = (long) Math.exp(Math.log(1000) + r.nextDouble() * Math.log(600));
        return new Profile("random", "", Map.of(), input, layers, branches, Map.of("pristine", t), "test");
    }

    /** Three tiers and both links, random; one device, a request every 10 s (no queueing). */
    static Scenario scenario(Random r, PolicyConfig policy) {
        Profile p = profile(r);
        Tiers tiers = new Tiers(new TierSpec(1, 1, 0.2 + r.nextDouble()), new TierSpec(1, 1, 0.5 + 2 * r.nextDouble()),
                new TierSpec(1, 1, 1 + 5 * r.nextDouble()));
        Links links = new Links(new Link(rate(r), 0.02 * r.nextDouble(), true),
                new Link(rate(r) * 5, 0.05 * r.nextDouble(), true));
        return scenario(p, tiers, links, policy, 0.5);
    }

    static Scenario scenario(Profile p, Tiers tiers, Links links, PolicyConfig policy, double threshold) {
        ExitRule rule = new ExitRule(ExitRule.Kind.MAX_SOFTMAX, threshold, Map.of(), Set.of());
        return new Scenario("random", Path.of("random.yaml"), p, tiers, links,
                policy.kind() == PolicyConfig.Kind.FIXED ? new org.eesim.scenario.Placement(0, 0) : null,
                new Workload(new Arrival.Deterministic(10), Map.of("pristine", 1.0), null), rule,
                ServiceTimeModel.MEAN, new RunControl(new RunControl.Span.Requests(2_000),
                        new RunControl.Span.Requests(0), 10, 7), new Output(Path.of("results"), null), policy);
    }

    /** 0.5 .. 50 Mbps, log-uniform. */
    static double rate(Random r) {
        return 0.5e6 * Math.exp(r.nextDouble() * Math.log(100));
    }

    static PolicyConfig popex() {
        return new PolicyConfig(PolicyConfig.Kind.POPEX, List.of(), null, false, null);
    }
}
