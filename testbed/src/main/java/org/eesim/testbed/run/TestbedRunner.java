package org.eesim.testbed.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eesim.profile.Profile;
import org.eesim.results.Block;
import org.eesim.results.Journal;
import org.eesim.results.RunFolder;
import org.eesim.sim.ReplicationRunner;
import org.eesim.sweep.Point;
import org.eesim.sweep.Run;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.ProblemsException;

/**
 * Measures every (point, replication) of a testbed file's scenario on a deployment and records
 * each as the simulator records a run ({@link Journal}: resumable, torn rows dropped), so the
 * folder is an eesim results folder: {@code summary.csv} with Student-t intervals over the
 * replications, {@code distribution.csv}, figures by {@code ./eesim plot}. It also keeps each
 * run's per-request rows ({@code requests/}). One deployment serves every point whose delays and
 * CPU shares it has; links are re-shaped between points.
 */
public final class TestbedRunner {

    /** The simulator's quantiles for distribution.csv: every percent and the tail, in sim-core's order. */
    static final double[] QUANTILES = ReplicationRunner.distributionQuantiles();

    private final TestbedFile tf;
    private final PrintStream out;

    public TestbedRunner(TestbedFile tf, PrintStream out) {
        this.tf = tf;
        this.out = out;
    }

    /** Makes the file's weights and traces profile when missing. */
    public static void prepare(TestbedFile tf, PrintStream out) throws IOException {
        Prepare.ensure(tf, out);
    }

    /** The results folder of a testbed file: under {@code root}, named as the simulator names the scenario's. */
    public static Path folder(SweepPlan plan, Path root) {
        return root.resolve(plan.folderName());
    }

    /**
     * Runs what is not yet recorded, stopping before a run that would end past
     * {@code budgetSeconds} (0: no budget); returns the runs still to do.
     */
    public int run(Path root, double budgetSeconds) throws IOException, ProblemsException {
        long started = System.nanoTime();
        Prepare.ensure(tf, out);
        SweepPlan plan = SweepPlan.read(tf.scenario());
        Profile profile = plan.points().get(0).scenario().profile();
        Prepare.checkProfile(tf, plan);
        Path dir = folder(plan, root);
        RunFolder folder = RunFolder.prepare(plan, dir, null, plan.runs(), Instant.now());
        Path requests = dir.resolve("requests");
        Files.createDirectories(requests);
        List<Run> todo = new ArrayList<>();
        try (Journal journal = Journal.open(dir)) {
            Set<Run> done = journal.done();
            for (Run r : plan.runs()) {
                if (!done.contains(r)) {
                    todo.add(r);
                }
            }
            out.printf(Locale.ROOT, "[testbed] %s: %d points x %d replications, %d runs to do, into %s%n",
                    plan.points().get(0).scenario().name(), plan.points().size(),
                    plan.points().get(0).replications(), todo.size(), dir);
            Deployment d = null;
            Setup current = null;
            try {
                while (!todo.isEmpty()) {
                    Run r = todo.get(0);
                    Point p = plan.points().get(r.point());
                    Setup st = Setup.of(p.scenario());
                    double need = st.warmupSeconds() + st.durationSeconds() + 15
                            + (d == null || !compatible(current, st) ? 60 + tf.warmupSeconds() : 0);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    if (budgetSeconds > 0 && elapsed + need > budgetSeconds) {
                        out.printf(Locale.ROOT, "[testbed] budget of %.0f s reached after %.0f s: %d runs left (run the"
                                + " same command again to go on)%n", budgetSeconds, elapsed, todo.size());
                        break;
                    }
                    if (d == null || !compatible(current, st)) {
                        if (d != null) {
                            d.close();
                        }
                        d = Deployment.start(layout(tf, profile, st), st.links(), conditions(plan),
                                dir.resolve("logs"), out);
                        current = st;
                        warm(d, st, tf, out);
                    }
                    Block b = measure(d, st, p, r.replication(), profile, requests);
                    journal.append(b);
                    todo.remove(0);
                }
            } finally {
                if (d != null) {
                    d.close();
                }
            }
        }
        if (todo.isEmpty()) {
            folder.finish(Instant.now(), 1);
            out.println("[testbed] done: " + dir.resolve("summary.csv"));
        }
        return todo.size();
    }

    /** Whether one deployment can run both: the same tiers, link delays and CPU shares. */
    static boolean compatible(Setup a, Setup b) {
        if (a.edge() != b.edge() || a.cloud() != b.cloud() || !a.shares().equals(b.shares())) {
            return false;
        }
        for (String l : a.links().keySet()) {
            if (a.links().get(l)[1] != b.links().get(l)[1]) {
                return false;
            }
        }
        return true;
    }

    static List<String> conditions(SweepPlan plan) {
        List<String> c = new ArrayList<>();
        for (Point p : plan.points()) {
            for (String k : p.scenario().workload().mix().keySet()) {
                if (!c.contains(k)) {
                    c.add(k);
                }
            }
        }
        return c;
    }

    static Layout layout(TestbedFile tf, Profile profile, Setup st) throws IOException {
        return new Layout(st.edge(), st.cloud(), tf.cpus(), st.shares(), tf.burstBytes(), tf.encoding(), tf.heap(),
                Prepare.spec(tf, profile), "fashion-mnist", Prepare.testSamples(profile), Prepare.dataSeed(profile));
    }

    /** Requests per second, in all, of a new deployment's JIT warm-up, on links opened wide for it. */
    static final double WARMUP_RATE = 50;
    static final double WARMUP_BPS = 50e6;

    /**
     * The JIT warm-up of a new deployment: the first point's rule and mix at {@link #WARMUP_RATE}
     * for the file's warm-up time, on links re-shaped to {@link #WARMUP_BPS} meanwhile (so that a
     * slow uplink does not limit how many requests warm the code), kept nowhere.
     */
    static void warm(Deployment d, Setup st, TestbedFile tf, PrintStream out) throws IOException {
        if (tf.warmupSeconds() <= 0) {
            return;
        }
        out.printf(Locale.ROOT, "[testbed] warming up the deployment: %.0f s at %.0f/s%n", tf.warmupSeconds(), WARMUP_RATE);
        Map<String, double[]> wide = new LinkedHashMap<>();
        st.links().forEach((k, v) -> wide.put(k, new double[] {Math.max(v[0], WARMUP_BPS), v[1]}));
        Setup w = st.withLinks(wide);
        Path tmp = Files.createTempDirectory("eesim-testbed-warmup");
        try {
            Phase.run(d, w, st.rule(), WARMUP_RATE, 0, tf.warmupSeconds(), 99, tmp, "warm", tf.drainSeconds());
        } finally {
            CalibratedProfile.deleteTree(tmp);
        }
        configure(d, st);
    }

    static void configure(Deployment d, Setup st) throws IOException {
        String relay = "http://127.0.0.1:" + Layout.RELAY_HTTP + "/infer";
        if (st.edge()) {
            Map<String, Object> c = new LinkedHashMap<>(st.rule());
            c.put("tier", 1);
            c.put("from", st.cut1());
            c.put("to", st.cloud() ? st.cut2() : st.layers());
            c.put("encoding", d.layout().encoding());
            c.put("next", st.cloud() ? relay : null);
            d.child("edge").call("configure", c, 30);
        }
        if (st.cloud()) {
            Map<String, Object> c = new LinkedHashMap<>(st.rule());
            c.put("tier", 2);
            c.put("from", st.edge() ? st.cut2() : st.cut1());
            c.put("to", st.layers());
            c.put("encoding", d.layout().encoding());
            c.put("next", null);
            d.child("cloud").call("configure", c, 30);
        }
        for (var l : st.links().entrySet()) {
            d.reshape(l.getKey(), l.getValue()[0]);
        }
    }

    /**
     * One replication of one point, measured again (after a pause) while other work on the
     * machine took more CPU than the file allows ({@link #undisturbed}; {@code testbed.foreign_cpu}
     * says how disturbed the kept try was).
     */
    Block measure(Deployment d, Setup st, Point p, int replication, Profile profile, Path requests) throws IOException {
        return undisturbed(out, "[testbed] point " + p.id() + " rep " + replication, tf.foreignCpuLimit(), PAUSE_SECONDS,
                () -> {
                    CpuWatch watch = new CpuWatch(d.pids());
                    Block b = measureOnce(d, st, p, replication, profile, requests, watch);
                    return new Try<>(b, watch.foreignCores());
                });
    }

    /** What one try measured, and the cores other processes took meanwhile. */
    record Try<T>(T value, double foreignCores) {
    }

    /** One try of a measurement. */
    interface Attempt<T> {
        Try<T> run() throws IOException;
    }

    /**
     * A measurement tried again, after {@code pauseSeconds}, while other processes took more than
     * {@code limit} cores, at most {@link #TRIES} times; the last try is kept whatever it read.
     * Validation runs and calibration phases alike: a run made while other work takes a core is
     * slower in every per-message cost, not only in its layers.
     */
    static <T> T undisturbed(PrintStream out, String what, double limit, double pauseSeconds, Attempt<T> attempt)
            throws IOException {
        for (int t = 1; ; t++) {
            Try<T> r = attempt.run();
            if (r.foreignCores() <= limit || t == TRIES) {
                return r.value();
            }
            out.printf(Locale.ROOT, "%s not kept: other processes took %.2f cores meanwhile (limit %.2f); again in"
                    + " %.0f s (try %d of %d)%n", what, r.foreignCores(), limit, pauseSeconds, t + 1, TRIES);
            try {
                Thread.sleep(Math.round(pauseSeconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    static final int TRIES = 4;
    static final double PAUSE_SECONDS = 60;

    private Block measureOnce(Deployment d, Setup st, Point p, int replication, Profile profile, Path requests,
                              CpuWatch watch) throws IOException {
        configure(d, st);
        long seed = p.replicationSeed(replication);
        String stem = "point-" + p.id() + "-rep-" + replication;
        Path rows = requests.resolve(stem + ".csv");
        double load0 = loadAverage();
        long tx0 = d.fabric().txBytes("uplink", true);
        long drops0 = d.fabric().drops();
        long t0 = System.nanoTime();
        Map<String, Object> reply = d.child("device").call("run", st.deviceRun(seed, rows, tf.drainSeconds()),
                st.warmupSeconds() + st.durationSeconds() + tf.drainSeconds() + 60);
        double span = (System.nanoTime() - t0) / 1e9;
        long tx1 = d.fabric().txBytes("uplink", true);
        long drops = d.fabric().drops() - drops0;
        double load1 = loadAverage();
        Map<String, Integer> wan = Map.of();
        if (st.edge()) {
            Path edgeLog = requests.resolve(stem + "-edge.csv");
            d.child("edge").call("collect", Map.of("out", edgeLog.toString()), 60);
            wan = Measured.bytesOut(edgeLog);
        }
        if (st.cloud()) {
            d.child("cloud").call("collect", Map.of("out", requests.resolve(stem + "-cloud.csv").toString()), 60);
        }
        List<Measured.Row> all = Measured.read(rows);
        long failed = all.stream().filter(r -> r.error() != null).count();
        if (failed > 0 || ((Number) reply.get("unanswered")).intValue() > 0) {
            throw new IOException("point " + p.id() + " replication " + replication + ": " + failed + " requests failed, "
                    + reply.get("unanswered") + " unanswered (first error: " + all.stream().filter(r -> r.error() != null)
                    .map(Measured.Row::error).findFirst().orElse("none") + "); rows in " + rows);
        }
        List<Measured.Row> w = Measured.window(all, st.warmupSeconds(), st.warmupSeconds() + st.durationSeconds());
        if (w.isEmpty()) {
            throw new IOException("point " + p.id() + ": no request was born in the measured window");
        }
        Files.write(requests.resolve(stem + "-requests.csv"), Measured.tidy(w, profile, wan, st.warmupSeconds()));
        Map<String, Double> m = Measured.metrics(w, profile, st.edge(), st.cloud(), wan, st.warmupSeconds(),
                st.durationSeconds());
        m.put("util.uplink", (tx1 - tx0) * 8.0 / (st.links().get("uplink")[0] * span));
        m.put("testbed.load_average", (load0 + load1) / 2);
        m.put("testbed.foreign_cpu", watch.foreignCores());
        m.put("testbed.drops", (double) drops);
        out.printf(Locale.ROOT, "[testbed] point %d rep %d: %d requests, mean %.2f ms, p95 %.2f ms, P_off %.3f,"
                        + " uplink %.0f%% busy, load %.2f, others %.2f cores, %d packets dropped by the shapers%n", p.id(),
                replication, w.size(), m.get("latency.mean") * 1e3, m.get("latency.p95") * 1e3,
                m.getOrDefault("offload.edge_to_cloud", Double.NaN), m.get("util.uplink") * 100, load1,
                m.get("testbed.foreign_cpu"), drops);
        return Block.of(p.id(), new ReplicationRunner.Outcome(replication, seed, m, Measured.distribution(w, QUANTILES),
                all.size()));
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
