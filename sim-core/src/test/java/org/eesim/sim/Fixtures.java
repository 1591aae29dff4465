package org.eesim.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Link;
import org.eesim.scenario.Links;
import org.eesim.scenario.Output;
import org.eesim.scenario.Placement;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.scenario.Tiers;
import org.eesim.scenario.Workload;
import org.eesim.stats.Summary;

/** Scenarios and profiles built in code, so model tests do not depend on the file readers. */
final class Fixtures {

    private Fixtures() {
    }

    /** A network of one layer of the given mean time, no branches, input of {@code inputBytes}. */
    static Profile oneLayer(double meanSeconds, long inputBytes) {
        Layer l = new Layer("only", TimeStats.constant(meanSeconds), 0, List.of(), 0);
        Condition.Trace t = new Condition.Trace("pristine", Map.of(), 1, 1, new float[] {1f}, new float[] {0f},
                new boolean[] {true});
        return new Profile("one-layer", "", Map.of(), inputBytes, List.of(l), List.of(), Map.of("pristine", t), "test");
    }

    static ScenarioBuilder builder(Profile p) {
        return new ScenarioBuilder(p);
    }

    static Link link(double bps, double delay, boolean shared) {
        return new Link(bps, delay, shared);
    }

    static RunControl requests(long n, long warmup, int reps, long seed) {
        return new RunControl(new RunControl.Span.Requests(n), new RunControl.Span.Requests(warmup), reps, seed);
    }

    /** A mutable recipe for a {@link Scenario}, with neutral defaults. */
    static final class ScenarioBuilder {
        Profile profile;
        TierSpec device = new TierSpec(1, 1, 1);
        TierSpec edge;
        TierSpec cloud;
        org.eesim.scenario.EdgeAssignment assignment = org.eesim.scenario.EdgeAssignment.STATIC;
        Link uplink;
        Link wan;
        Placement placement;
        Arrival arrival = new Arrival.Poisson(1);
        Map<String, Double> mix = Map.of("pristine", 1.0);
        Double deadline;
        ExitRule rule = new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of());
        ServiceTimeModel time = ServiceTimeModel.EXPONENTIAL;
        RunControl run = requests(10_000, 1_000, 5, 1);
        org.eesim.scenario.Energy energy;
        org.eesim.scenario.Answer answer;

        ScenarioBuilder(Profile p) {
            this.profile = p;
            int n = p.layers().size();
            this.placement = new Placement(n, n);
        }

        Scenario build() {
            return new Scenario("test", Path.of("test.yaml"), profile, new Tiers(device, edge, cloud, assignment),
                    new Links(uplink, wan), placement, new Workload(arrival, mix, deadline), rule, time, run,
                    new Output(Path.of("results"), null), org.eesim.scenario.PolicyConfig.FIXED, energy, answer);
        }
    }

    /** Runs all replications on two threads and summarises them with 95% intervals. */
    static Map<String, Summary> summarise(Scenario s) {
        return summarise(s, Summary.DEFAULT_LEVEL);
    }

    /** Runs all replications on two threads and summarises them with intervals at {@code level}. */
    static Map<String, Summary> summarise(Scenario s, double level) {
        List<ReplicationRunner.Outcome> outcomes = Runs.of(s, 2);
        Map<String, Summary> m = new java.util.LinkedHashMap<>();
        for (Summary x : Runs.summarise(outcomes, level)) {
            m.put(x.metric(), x);
        }
        return m;
    }
}
