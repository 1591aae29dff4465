package org.eesim.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eesim.results.Block;
import org.eesim.results.Journal;
import org.eesim.results.RunFolder;
import org.eesim.scenario.Scenario;
import org.eesim.sim.ReplicationRunner;
import org.eesim.sweep.Point;
import org.eesim.sweep.Run;

/**
 * Runs the runs of a folder's slice that are not yet recorded, on a pool of threads, appending
 * each to the folder's journal as it finishes. Which runs exist and their seeds come from the
 * plan alone, so the recorded rows do not depend on the thread count or the order runs finish.
 */
public final class SweepRunner {

    /** Told about the work as it goes (the CLI's progress bar). Called from worker threads, one at a time. */
    public interface Progress {
        /** Before anything runs: the slice's size and how much of it was done before. */
        void start(int runs, int alreadyDone, int points, int pointsAlreadyDone);

        /** After a run is recorded, with the number of points now complete. */
        void done(Run run, int pointsDone);

        Progress NONE = new Progress() {
            @Override
            public void start(int runs, int alreadyDone, int points, int pointsAlreadyDone) {
            }

            @Override
            public void done(Run run, int pointsDone) {
            }
        };
    }

    private SweepRunner() {
    }

    /** Runs what remains of {@code folder}'s slice on {@code threads} threads; returns how many ran. */
    public static int run(RunFolder folder, int threads, Progress progress) {
        try (Journal journal = Journal.open(folder.dir())) {
            Set<Run> done = journal.done();
            List<Run> todo = new ArrayList<>();
            for (Run r : folder.slice()) {
                if (!done.contains(r)) {
                    todo.add(r);
                }
            }
            PointCounter points = new PointCounter(folder.slice(), done);
            progress.start(folder.slice().size(), folder.slice().size() - todo.size(), points.total(),
                    points.complete());
            execute(folder, todo, threads, journal, progress, points);
            return todo.size();
        }
    }

    private static void execute(RunFolder folder, List<Run> todo, int threads, Journal journal, Progress progress,
                                PointCounter points) {
        List<Point> byId = folder.plan().points();
        Object report = new Object();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Run r : todo) {
            tasks.add(() -> {
                Point p = byId.get(r.point());
                ReplicationRunner.Outcome o = ReplicationRunner.run(p.scenario(), r.replication(), p.seed());
                journal.append(Block.of(p.id(), o));
                synchronized (report) {
                    progress.done(r, points.finished(r));
                }
                return null;
            });
        }
        pool(tasks, threads);
    }

    /**
     * The replications of one scenario whose seeds derive from {@code baseSeed}, on the pool that
     * runs a results folder's runs, in replication order, without a folder (tests, benchmarks).
     */
    public static List<ReplicationRunner.Outcome> replications(Scenario s, long baseSeed, int threads) {
        List<Callable<ReplicationRunner.Outcome>> tasks = new ArrayList<>();
        for (int r = 0; r < s.run().replications(); r++) {
            int replication = r;
            tasks.add(() -> ReplicationRunner.run(s, replication, baseSeed));
        }
        return pool(tasks, threads);
    }

    /** Runs {@code tasks} on {@code threads} threads (the caller's alone for one); results in task order. */
    private static <T> List<T> pool(List<Callable<T>> tasks, int threads) {
        List<T> out = new ArrayList<>();
        int pool = Math.max(1, Math.min(threads, tasks.size()));
        if (pool == 1) {
            for (Callable<T> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        ExecutorService exec = Executors.newFixedThreadPool(pool, runnable -> {
            Thread t = new Thread(runnable, "eesim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(exec.submit(t));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            exec.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the tasks here throw no checked exception
        }
    }

    /** How many of the slice's points have all their runs recorded. */
    private static final class PointCounter {
        private final java.util.Map<Integer, Integer> remaining = new java.util.HashMap<>();
        private int complete;

        PointCounter(List<Run> slice, Set<Run> done) {
            for (Run r : slice) {
                remaining.merge(r.point(), done.contains(r) ? 0 : 1, Integer::sum);
            }
            complete = (int) remaining.values().stream().filter(v -> v == 0).count();
        }

        int total() {
            return remaining.size();
        }

        int complete() {
            return complete;
        }

        int finished(Run r) {
            if (remaining.merge(r.point(), -1, Integer::sum) == 0) {
                complete++;
            }
            return complete;
        }
    }
}
