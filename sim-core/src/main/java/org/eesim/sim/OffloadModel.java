package org.eesim.sim;

import java.util.Map;

import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;

import org.eesim.scenario.Scenario;

/**
 * The DSOL model of one replication: a {@link Replica} whose events go through DSOL's simulator
 * ({@link Events}), ended by the replication's stopping condition once it is {@link #done()}.
 */
public final class OffloadModel extends AbstractDsolModel<Double, DevsSimulatorInterface<Double>> {

    private static final long serialVersionUID = 1L;

    /** Requests in the system past which a replication is stopped (see {@link Replica}). */
    public static final long MAX_IN_SYSTEM = Replica.MAX_IN_SYSTEM;

    private final transient Replica replica;

    public OffloadModel(DevsSimulatorInterface<Double> simulator, Scenario scenario, Streams streams) {
        super(simulator);
        this.replica = new Replica(new Events(simulator), scenario, streams);
    }

    @Override
    public void constructModel() {
        replica.start();
    }

    /** Whether the replication has all it needs: its stopping condition (see ReplicationRunner). */
    public boolean done() {
        return replica.done();
    }

    /** The replication's metrics; call after the run. */
    public Map<String, Double> results() {
        return replica.results();
    }

    /** Quantile (fraction) to latency (s) of the measured requests; call after the run. */
    public Map<Double, Double> latencyDistribution() {
        return replica.latencyDistribution();
    }

    public long births() {
        return replica.births();
    }
}
