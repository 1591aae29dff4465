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
 * <li>The ceiling two cores give this workload: one child JVM running the whole sweep on 1
 * thread, two such JVMs at once (the machine's throughput for two independent copies: shared
 * caches, memory bandwidth, JIT and GC threads), and one JVM on 2 threads. Each includes JVM
 * start-up and JIT alike; threads reaching 100% of the two-process ceiling means what is left
 * below 100% efficiency is the machine, not the runner.</li>
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
        processes(file, rounds);
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
            sink += (dsolWorker ? org.eesim.sim.StockDsol.run(s, i, s.run().seed()) : ReplicationRunner.run(s, i, s.run().seed())).births();
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

    /** Child JVMs run 4 times the requests, so that start-up and JIT weigh little against the work. */
    private static final int PROCESS_SCALE = 4;

    private static void processes(Path file, int rounds) throws Exception {
        Path tmp = Files.createTempDirectory("eesim-bench-procs-");
        List<Double> alone = new ArrayList<>();
        List<Double> pair = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        try {
            for (int r = 0; r < rounds; r++) {
                Path d = tmp.resolve("r" + r);
                alone.add(timed(List.of(copyInto(file, d.resolve("alone"))), "1"));
                pair.add(timed(List.of(copyInto(file, d.resolve("pair-a")), copyInto(file, d.resolve("pair-b"))), "1"));
                threads.add(timed(List.of(copyInto(file, d.resolve("threads"))), "2"));
            }
        } finally {
            deleteTree(tmp);
        }
        double a = median(alone);
        double b = median(pair);
        double c = median(threads);
        System.out.printf("the sweep with %dx the requests in child JVMs, start-up included (medians of %d):%n",
                PROCESS_SCALE, rounds);
        System.out.printf("  one JVM, 1 thread:                        %.2f s%n", a);
        System.out.printf("  two JVMs at once, each all of it, 1 thread: %.2f s -> the machine gives %.2fx for two%n",
                b, 2 * a / b);
        System.out.printf("  one JVM, 2 threads:                       %.2f s -> %.2fx%n", c, a / c);
        System.out.printf("  threads against the machine's two-process ceiling: %.0f%%%n", 100 * b / (2 * c));
    }

    /** Wall time of one child JVM per scenario, all at once, each with {@code threads} threads. */
    private static double timed(List<Path> scenarios, String threads) throws Exception {
        long t0 = System.nanoTime();
        List<Process> children = new ArrayList<>();
        for (Path s : scenarios) {
            children.add(child(s, "--threads", threads));
        }
        await(children);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A copy of the scenario in {@code dir}, its profile made absolute and its results kept in {@code dir}. */
    private static Path copyInto(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path base = file.toAbsolutePath().getParent();
        String text = Files.readString(file);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^profile:\\s*(\\S+)").matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException(file + " names no profile");
        }
        text = m.replaceFirst(java.util.regex.Matcher.quoteReplacement(
                "profile: " + base.resolve(m.group(1)).normalize()));
        text = text.replaceFirst("(?m)^(\\s+dir:).*$",
                "$1 " + java.util.regex.Matcher.quoteReplacement(dir.resolve("results").toString()));
        text = text.replaceFirst("(?m)^(\\s+requests:)\\s*(\\d+)", "$1 " + "REQUESTS");
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("(?m)^\\s+requests:\\s*(\\d+)")
                .matcher(Files.readString(file));
        if (n.find()) {
            text = text.replace("REQUESTS", Long.toString(Long.parseLong(n.group(1)) * PROCESS_SCALE));
        }
        Path copy = dir.resolve(file.getFileName());
        Files.writeString(copy, text);
        return copy;
    }

    private static Process child(Path scenario, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", org.eesim.cli.Classpath.ofThisJvm(), "org.eesim.cli.Main", "run", scenario.toString(), "--quiet"));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(scenario.resolveSibling("out-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static void await(List<Process> children) throws InterruptedException {
        for (Process p : children) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("a child eesim run failed with status " + p.exitValue());
            }
        }
    }

    /** This JVM's classpath: under {@code mvn exec:java} only the project's class loader knows it. */
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
