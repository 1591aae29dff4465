package org.eesim.sim;

import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.simulators.RunState;

import org.eesim.scenario.Scenario;

/**
 * The model on DSOL 4.3.2's stock {@link DevsSimulator}: DSOL's initialize (its worker thread
 * started and waited for), its scheduleEvent (trace string, lock), its red-black-tree event list
 * and its event loop; only the hand-off of the loop to the worker thread is skipped, so both
 * simulators run on the caller's thread and time the same work. In package org.eesim.sim of the
 * bench module so that it can build the model as ReplicationRunner does.
 */
public final class StockDsol {

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    private StockDsol() {
    }

    public static ReplicationRunner.Outcome run(Scenario s, int replication, long baseSeed) {
        long seed = Streams.replicationSeed(baseSeed, replication);
        String id = "stock-" + s.name() + "#" + replication + "/" + IDS.incrementAndGet();
        Stock simulator = new Stock(id);
        SingleReplication<Double> rep = ReplicationRunner.replication(id);
        OffloadModel model = new OffloadModel(simulator, s, Streams.of(s, replication, baseSeed));
        try {
            simulator.initialize(model, rep);
            simulator.runOnCaller();
            return new ReplicationRunner.Outcome(replication, seed, model.results(), model.latencyDistribution(),
                    model.births());
        } finally {
            simulator.cleanUp();
            rep.removeFromContext();
        }
    }

    /** DSOL's simulator as it ships, plus a way to run its loop on this thread. */
    private static final class Stock extends DevsSimulator<Double> {
        private static final long serialVersionUID = 1L;

        Stock(String id) {
            super(id);
            setErrorStrategy(ErrorStrategy.WARN_AND_THROW);
        }

        void runOnCaller() {
            this.runUntilTime = getReplication().getEndTime();
            this.runUntilIncluding = true;
            this.runState = RunState.STARTED;
            run();
        }
    }
}
