package org.eesim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eesim.results.RunFolder;
import org.eesim.runner.SweepRunner;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.sim.ReplicationRunner;
import org.eesim.sweep.SweepPlan;

/**
 * Two measurements, each against its baseline in the same process, interleaved by round so that
 * machine load hits both alike; medians over rounds; never asserts.
 * <ol>
 * <li>Per-run fixed cost: replications of one measured request, initialised through DSOL's own
 * {@code initialize} (a worker thread per replication, then 1 ms sleeps until it waits) against
 * eesim's, which starts no thread. Reported as ms per run and their ratio.</li>
 * <li>Parallel efficiency of a sweep: the whole sweep through the real runner into a results
 * folder on 1 and on 2 threads; efficiency = T1 / (2 T2). On a shared machine other processes
 * take cores, so it also reports the process's CPU time per run (which parallel overhead such
 * as lock contention would raise, and other processes' load does not) and the cores the run
 * actually got (CPU time / wall time).</li>
 * </ol>
 * Usage: {@code mvn -q -B -DskipTests install && mvn -q -B -pl bench exec:java@parallel
 * [-Dexec.args="SWEEP ROUNDS"]}, default {@code scenarios/bench-sweep.yaml 5}.
 */
public final class ParallelBenchmark {

    private static final int FIXED_COST_RUNS = 200;

    private ParallelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/bench-sweep.yaml");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SweepPlan plan = SweepPlan.read(file);
        System.out.printf("java %s, %d cores, load average before: %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), SpeedBenchmark.load());
        fixedCost(file, rounds);
        efficiency(plan, rounds);
        System.out.printf("load average after: %.2f%n", SpeedBenchmark.load());
    }

    private static void fixedCost(Path file, int rounds) throws Exception {
        Scenario one = oneRequest(file);
        List<Double> dsol = new ArrayList<>();
        List<Double> lean = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // warm-up: JIT both paths
            perRun(one, true);
            perRun(one, false);
        }
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                dsol.add(perRun(one, true));
                lean.add(perRun(one, false));
            } else {
                lean.add(perRun(one, false));
                dsol.add(perRun(one, true));
            }
        }
        double before = median(dsol);
        double after = median(lean);
        System.out.printf("per-run fixed cost (1 measured request, %d runs x %d rounds, medians):%n", FIXED_COST_RUNS,
                rounds);
        System.out.printf("  DSOL initialize (worker thread + 1 ms polling): %.3f ms/run%n", before);
        System.out.printf("  eesim initialize (no thread):                    %.3f ms/run%n", after);
        System.out.printf("  ratio before/after: %.1fx%n", before / after);
    }

    /** Mean wall time per run, in ms, of FIXED_COST_RUNS replications on this thread. */
    private static double perRun(Scenario s, boolean dsolWorker) {
        long t0 = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < FIXED_COST_RUNS; i++) {
            sink += ReplicationRunner.run(s, i, s.run().seed(), true, dsolWorker).births();
        }
        double ms = (System.nanoTime() - t0) / 1e6 / FIXED_COST_RUNS;
        if (sink < FIXED_COST_RUNS) {
            throw new IllegalStateException("a run made no request");
        }
        return ms;
    }

    /** The sweep's first point, cut to one measured request and no warm-up, without the sweep. */
    private static Scenario oneRequest(Path file) throws Exception {
        String text = Files.readString(file);
        int sweep = text.indexOf("\nsweep:");
        text = (sweep < 0 ? text : text.substring(0, sweep + 1))
                .replaceAll("(?m)^(\\s*requests:)\\s*\\d+", "$1 1")
                .replaceAll("(?m)^(\\s*warmup:)\\s*\\d+", "$1 0");
        Path tmp = file.toAbsolutePath().resolveSibling(".bench-one-request.yaml");
        Files.writeString(tmp, text);
        try {
            return ScenarioReader.read(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    private static void efficiency(SweepPlan plan, int rounds) throws IOException {
        Path tmp = Files.createTempDirectory("eesim-bench-");
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        List<Double> cpuOne = new ArrayList<>();
        List<Double> cpuTwo = new ArrayList<>();
        String summary1 = null;
        String summary2 = null;
        try {
            sweep(plan, tmp.resolve("warm"), 2); // warm-up: JIT and page cache
            for (int r = 0; r < rounds; r++) {
                boolean oneFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    int threads = (k == 0) == oneFirst ? 1 : 2;
                    Path dir = tmp.resolve("r" + r + "-t" + threads);
                    double cpu0 = cpuSeconds();
                    double s = sweep(plan, dir, threads);
                    (threads == 1 ? one : two).add(s);
                    (threads == 1 ? cpuOne : cpuTwo).add(cpuSeconds() - cpu0);
                    String summary = Files.readString(dir.resolve("summary.csv"));
                    if (threads == 1) {
                        summary1 = summary;
                    } else {
                        summary2 = summary;
                    }
                }
            }
        } finally {
            deleteTree(tmp);
        }
        double t1 = median(one);
        double t2 = median(two);
        System.out.printf("sweep %s: %d points, %d runs, through the runner into a results folder (medians of %d):%n",
                plan.file(), plan.points().size(), plan.runs().size(), rounds);
        double c1 = median(cpuOne);
        double c2 = median(cpuTwo);
        int n = plan.runs().size();
        System.out.printf("  1 thread:  %.2f s (%.1f runs/s), CPU %.1f ms/run, cores used %.2f%n", t1, n / t1,
                1000 * c1 / n, c1 / t1);
        System.out.printf("  2 threads: %.2f s (%.1f runs/s), CPU %.1f ms/run, cores used %.2f%n", t2, n / t2,
                1000 * c2 / n, c2 / t2);
        System.out.printf("  speed-up %.2fx, parallel efficiency T1/(2 T2) = %.0f%%%n", t1 / t2, 100 * t1 / (2 * t2));
        System.out.printf("  CPU per run, 2 threads / 1 thread = %.3f (1 = no parallel overhead)%n", c2 / c1);
        System.out.printf("  summary.csv identical on 1 and 2 threads: %s%n", summary1 != null && summary1.equals(summary2));
    }

    private static double sweep(SweepPlan plan, Path dir, int threads) {
        RunFolder folder = RunFolder.prepare(plan, dir, null, plan.runs(), Instant.EPOCH);
        long t0 = System.nanoTime();
        SweepRunner.run(folder, threads, SweepRunner.Progress.NONE);
        folder.finish(Instant.EPOCH, threads);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
