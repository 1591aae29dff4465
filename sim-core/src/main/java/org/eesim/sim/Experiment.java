package org.eesim.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.eesim.scenario.Scenario;
import org.eesim.stats.Summary;

/**
 * All replications of a scenario, on a pool of threads. Each replication's seed depends only on
 * the scenario seed and its index, so results do not depend on the thread count.
 */
public final class Experiment {

    private Experiment() {
    }

    /** Outcomes in replication order. */
    public static List<ReplicationRunner.Outcome> run(Scenario scenario, int threads,
                                                      Consumer<ReplicationRunner.Outcome> onDone) {
        int reps = scenario.run().replications();
        int pool = Math.max(1, Math.min(threads, reps));
        if (pool == 1) {
            List<ReplicationRunner.Outcome> out = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                ReplicationRunner.Outcome o = ReplicationRunner.run(scenario, r);
                onDone.accept(o);
                out.add(o);
            }
            return out;
        }
        ExecutorService exec = Executors.newFixedThreadPool(pool, runnable -> {
            Thread t = new Thread(runnable, "eesim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ReplicationRunner.Outcome>> futures = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                final int rep = r;
                futures.add(exec.submit(() -> {
                    ReplicationRunner.Outcome o = ReplicationRunner.run(scenario, rep);
                    synchronized (onDone) {
                        onDone.accept(o);
                    }
                    return o;
                }));
            }
            List<ReplicationRunner.Outcome> out = new ArrayList<>();
            for (Future<ReplicationRunner.Outcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            exec.shutdownNow();
        }
    }

    /** One summary per metric, in the metrics' order, with 95% intervals. */
    public static List<Summary> summarise(List<ReplicationRunner.Outcome> outcomes) {
        return summarise(outcomes, Summary.DEFAULT_LEVEL);
    }

    /** One summary per metric, in the metrics' order, with intervals at {@code level}. */
    public static List<Summary> summarise(List<ReplicationRunner.Outcome> outcomes, double level) {
        Set<String> names = new LinkedHashSet<>();
        for (ReplicationRunner.Outcome o : outcomes) {
            names.addAll(o.metrics().keySet());
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String name : names) {
            double[] v = new double[outcomes.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = outcomes.get(i).metrics().getOrDefault(name, Double.NaN);
            }
            values.put(name, v);
        }
        List<Summary> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(Summary.of(k, v, level)));
        return out;
    }
}
