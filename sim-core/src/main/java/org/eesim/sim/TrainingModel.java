package org.eesim.sim;

import java.util.Map;

import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;

import org.eesim.scenario.Scenario;

/**
 * The DSOL model of one training replication: a {@link TrainingReplica} whose events go through
 * DSOL's simulator ({@link Events}), ended by the replication's stopping condition once every
 * iteration has finished.
 */
public final class TrainingModel extends AbstractDsolModel<Double, DevsSimulatorInterface<Double>> {

    private static final long serialVersionUID = 1L;

    private final transient TrainingReplica replica;

    public TrainingModel(DevsSimulatorInterface<Double> simulator, Scenario scenario, long replicationSeed) {
        super(simulator);
        this.replica = new TrainingReplica(new Events(simulator), scenario, replicationSeed);
    }

    @Override
    public void constructModel() {
        replica.start();
    }

    public boolean done() {
        return replica.done();
    }

    public Map<String, Double> results() {
        return replica.results();
    }
}
