package org.eesim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eesim.sim.ReplicationRunner.Outcome;
import org.eesim.sweep.Run;

/**
 * The rows one finished run adds to {@code replications.csv} and {@code distribution.csv}, as
 * text without line ends. Kept as text so that a merge copies shards' rows byte for byte.
 */
public record Block(Run run, long seed, List<String> replicationRows, List<String> distributionRows) {

    public Block {
        replicationRows = List.copyOf(replicationRows);
        distributionRows = List.copyOf(distributionRows);
    }

    /** The rows of replication {@code o} of point {@code point}. */
    public static Block of(int point, Outcome o) {
        List<String> reps = new ArrayList<>();
        for (Map.Entry<String, Double> e : o.metrics().entrySet()) {
            reps.add(point + "," + o.replication() + "," + o.seed() + "," + e.getKey() + "," + e.getValue());
        }
        List<String> dist = new ArrayList<>();
        for (Map.Entry<Double, Double> e : o.latencyDistribution().entrySet()) {
            dist.add(point + "," + o.replication() + "," + e.getKey() + "," + e.getValue());
        }
        return new Block(new Run(point, o.replication()), o.seed(), reps, dist);
    }

    /** The completion record in {@code runs.csv}: written last, so its presence means the rows are whole. */
    String record() {
        return run.point() + "," + run.replication() + "," + seed + "," + replicationRows.size() + ","
                + distributionRows.size();
    }
}
