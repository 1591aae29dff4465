package org.eesim.sweep;

import java.util.List;
import java.util.StringJoiner;

import org.eesim.scenario.Scenario;
import org.eesim.sim.Streams;

/**
 * One point of a sweep: the scenario with the point's values applied.
 *
 * @param id          0, 1, ... in expansion order (the first key varies slowest)
 * @param assignments each swept key and its value as written (units included)
 * @param seed        the seed the point's replications derive theirs from
 * @param scenario    the point's scenario, read and checked like any scenario file
 * @param resolvedYaml the point's scenario written back with every default filled in
 */
public record Point(int id, List<Assignment> assignments, long seed, Scenario scenario, String resolvedYaml) {

    /** A swept key and the value this point gives it, as written. */
    public record Assignment(String key, String value) {
    }

    public Point {
        assignments = List.copyOf(assignments);
    }

    /** {@code key=value, key=value}: what the point is, independent of where it is in the sweep. */
    public String identity() {
        StringJoiner j = new StringJoiner(", ");
        assignments.forEach(a -> j.add(a.key() + "=" + a.value()));
        return j.toString();
    }

    /** The seed of replication {@code replication} of this point. */
    public long replicationSeed(int replication) {
        return Streams.replicationSeed(seed, replication);
    }

    public int replications() {
        return scenario.run().replications();
    }
}
