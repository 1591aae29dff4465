package org.eesim.sim;

import java.util.List;

import org.eesim.results.Block;
import org.eesim.results.Tables;
import org.eesim.runner.SweepRunner;
import org.eesim.scenario.Scenario;
import org.eesim.stats.Summary;

/**
 * Replications and their summaries for tests, through the path the CLI takes: the sweep
 * runner's pool, the rows a results folder records, and the summary.csv arithmetic.
 */
public final class Runs {

    private Runs() {
    }

    /** Every replication of {@code s} with the scenario's seed, on {@code threads} threads, in order. */
    public static List<ReplicationRunner.Outcome> of(Scenario s, int threads) {
        return SweepRunner.replications(s, s.run().seed(), threads);
    }

    /** The summaries summary.csv would hold for these replications, at confidence {@code level}. */
    public static List<Summary> summarise(List<ReplicationRunner.Outcome> outcomes, double level) {
        return Tables.summaries(outcomes.stream().map(o -> Block.of(0, o)).toList(), level).get(0);
    }

    public static List<Summary> summarise(List<ReplicationRunner.Outcome> outcomes) {
        return summarise(outcomes, Summary.DEFAULT_LEVEL);
    }
}
