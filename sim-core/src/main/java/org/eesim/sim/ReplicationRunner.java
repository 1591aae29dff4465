package org.eesim.sim;

import java.util.Map;

import nl.tudelft.simulation.dsol.experiment.SingleReplication;

import org.eesim.scenario.Scenario;

/** Runs one replication of a scenario on the calling thread. */
public final class ReplicationRunner {

    /**
     * DSOL's constructors touch JVM-wide state (logger categories, the naming context), which
     * races when simulators are built concurrently (../shared/FINDINGS.md): build under one lock,
     * run in parallel.
     */
    private static final Object DSOL_CONSTRUCTION = new Object();

    private static final java.util.concurrent.atomic.AtomicLong RUN_IDS = new java.util.concurrent.atomic.AtomicLong();

    private ReplicationRunner() {
    }

    /** The outcome of one replication: its metrics and the seed it ran with. */
    public record Outcome(int replication, long seed, Map<String, Double> metrics,
                          Map<Double, Double> latencyDistribution, long births) {
    }

    /** The quantiles of {@link Outcome#latencyDistribution} (distribution.csv), in order; a copy. */
    public static double[] distributionQuantiles() {
        return Metrics.QUANTILES.clone();
    }

    public static Outcome run(Scenario scenario, int replication) {
        return run(scenario, replication, scenario.run().seed());
    }

    /**
     * Replication {@code replication} with its streams derived from {@code baseSeed} instead of
     * the scenario's seed: a sweep point's own seed (org.eesim.sweep.Point).
     */
    public static Outcome run(Scenario scenario, int replication, long baseSeed) {
        if (scenario.isTraining()) {
            return training(scenario, replication, baseSeed);
        }
        long seed = Streams.replicationSeed(baseSeed, replication);
        Streams streams = Streams.of(scenario, replication, baseSeed);
        EesimSimulator simulator;
        SingleReplication<Double> rep;
        OffloadModel model;
        // DSOL keeps replication ids in a JVM-wide naming context: they must be unique while alive
        String id = scenario.name() + "#" + replication + "/" + RUN_IDS.incrementAndGet();
        synchronized (DSOL_CONSTRUCTION) {
            simulator = new EesimSimulator(id);
            rep = replication(id);
            model = new OffloadModel(simulator, scenario, streams);
            simulator.initialize(model, rep);
        }
        try {
            simulator.runHere();
            return new Outcome(replication, seed, model.results(), model.latencyDistribution(), model.births());
        } finally {
            synchronized (DSOL_CONSTRUCTION) {
                simulator.cleanUp();
                rep.removeFromContext();
            }
        }
    }

    /**
     * A training replication (docs/scenario-reference.md#training): the pipeline on DSOL's
     * simulator, until every iteration has finished. It has no latency distribution.
     */
    private static Outcome training(Scenario scenario, int replication, long baseSeed) {
        long seed = Streams.replicationSeed(baseSeed, replication);
        EesimSimulator simulator;
        SingleReplication<Double> rep;
        TrainingModel model;
        String id = scenario.name() + "#" + replication + "/" + RUN_IDS.incrementAndGet();
        synchronized (DSOL_CONSTRUCTION) {
            simulator = new EesimSimulator(id);
            rep = new SingleReplication<>(id, 0.0, 0.0, Double.MAX_VALUE);
            rep.setStoppingCondition((TrainingModel m) -> m.done());
            model = new TrainingModel(simulator, scenario, seed);
            simulator.initialize(model, rep);
        }
        try {
            simulator.runHere();
            return new Outcome(replication, seed, model.results(), Map.of(), scenario.training().iterations());
        } finally {
            synchronized (DSOL_CONSTRUCTION) {
                simulator.cleanUp();
                rep.removeFromContext();
            }
        }
    }

    /**
     * A replication with no warm-up and no end of DSOL's (the model has its own window) that
     * ends, through DSOL's stopping condition, once the model has all it needs.
     */
    public static SingleReplication<Double> replication(String id) {
        SingleReplication<Double> rep = new SingleReplication<>(id, 0.0, 0.0, Double.MAX_VALUE);
        rep.setStoppingCondition((OffloadModel m) -> m.done());
        return rep;
    }
}
