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
import java.util.TreeMap;
import java.util.TreeSet;
import org.eesim.profile.Profile;
import org.eesim.sweep.Point;
import org.eesim.sweep.SweepPlan;
import org.eesim.units.Units;
import org.eesim.yaml.ProblemsException;

/**
 * The calibration run: measures on this machine, in the deployment's own process arrangement and
 * separately from any validation run, everything the simulator is given about the deployment.
 * For every uplink rate the validation files use:
 * <ul>
 * <li>each link's delay (half the round trip of an empty probe block through the relays) and
 * rate (a block of about a second, after a pause that fills the bucket);
 * <li>phase A, every request answered by the first side branch at the edge (threshold 0): the
 * edge path's per-message costs, the request's and the answer's bytes on the wire;
 * <li>phase B, no request answered early (every branch evaluated and timed): every layer's and
 * branch's time at its tier, one pass per request (the profile's samples), and the cloud path's
 * per-message costs and bytes.
 * </ul>
 * A per-message cost is the mean of what a measured segment took beyond what the link model
 * and the layers account for (the residual), charged to the tier that handles that segment. The
 * requests of both phases come at a light load ({@code calibration.rate}), so nothing queues.
 */
public final class Calibrator {

    /** TCP/IPv4 with timestamps over Ethernet: 14 + 20 + 32 B of headers per segment of at most 1448 B. */
    static final long PACKET = 66;
    static final long MSS = 1448;

    private final List<TestbedFile> files;
    private final PrintStream out;
    private final boolean reanalyse;

    /** @param reanalyse compute the settings again from the last calibration's saved measurements, measuring nothing */
    public Calibrator(List<TestbedFile> files, PrintStream out, boolean reanalyse) {
        this.files = List.copyOf(files);
        this.out = out;
        this.reanalyse = reanalyse;
    }

    public Path run() throws IOException, ProblemsException {
        TestbedFile tf = files.get(0);
        Prepare.ensure(tf, out);
        TreeSet<Double> uplinks = new TreeSet<>();
        Setup base = null;
        Profile profile = null;
        for (TestbedFile f : files) {
            SweepPlan plan = SweepPlan.read(f.scenario());
            Prepare.checkProfile(f, plan);
            for (Point p : plan.points()) {
                Setup st = Setup.of(p.scenario());
                if (base == null) {
                    base = st;
                    profile = p.scenario().profile();
                } else if (!TestbedRunner.compatible(base, st) || st.cut1() != base.cut1() || st.cut2() != base.cut2()
                        || st.devices() != base.devices()) {
                    throw new IOException(f.scenario() + " point " + p.id() + ": one calibration serves points with the"
                            + " same tiers, cuts, devices, link delays and CPU shares; this one differs");
                }
                uplinks.add(st.links().get("uplink")[0]);
            }
        }
        Path outDir = tf.calibration().out();
        Path work = tf.dir().resolve("calibration-logs").resolve(outDir.getFileName().toString());
        Files.createDirectories(work);
        double load0 = TestbedRunner.loadAverage();
        String started = Instant.now().toString();
        List<Map<String, Object>> settings = new ArrayList<>();
        List<Phase> passes = new ArrayList<>();
        Deployment d = reanalyse ? null : Deployment.start(TestbedRunner.layout(tf, profile, base), base.links(),
                List.of("pristine"), work.resolve("logs"), out);
        try {
            if (d != null) {
                TestbedRunner.warm(d, base, tf, out);
            }
            long seed = 1;
            double secs = tf.calibration().seconds();
            for (double bw : uplinks) {
                Map<String, double[]> links = new LinkedHashMap<>(base.links());
                links.put("uplink", new double[] {bw, base.links().get("uplink")[1]});
                Setup st = base.withMix(Map.of("pristine", 1.0)).withLinks(links);
                String tag = Units.format(bw, Units.Kind.BITRATE).replace(" ", "");
                Map<String, double[]> probed = new LinkedHashMap<>();
                Phase a;
                Phase b;
                if (d == null) {
                    out.println("[calibrate] uplink " + Units.format(bw, Units.Kind.BITRATE) + ": from " + work);
                    for (String line : Files.readAllLines(work.resolve("probes-" + tag + ".csv"))) {
                        String[] c = line.split(",");
                        probed.put(c[0], new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                                Double.parseDouble(c[3])});
                    }
                    a = Phase.load(work, "A-" + tag, 5, secs);
                    b = Phase.load(work, "B-" + tag, 5, secs);
                } else {
                    TestbedRunner.configure(d, st);
                    out.println("[calibrate] uplink " + Units.format(bw, Units.Kind.BITRATE) + ": probing the links");
                    probed.put("uplink", probe(d, "device", bw, tf));
                    if (st.edge() && st.cloud()) {
                        probed.put("wan", probe(d, "edge", st.links().get("wan")[0], tf));
                    }
                    StringBuilder saved = new StringBuilder();
                    probed.forEach((k, v) -> saved.append(k).append(',').append(v[0]).append(',').append(v[1]).append(',')
                            .append(v[2]).append('\n'));
                    Files.writeString(work.resolve("probes-" + tag + ".csv"), saved);
                    double rate = tf.calibration().rate();
                    out.printf(Locale.ROOT, "[calibrate] phase A (every request answered at the edge's first branch),"
                            + " %.0f s at %s%n", secs, Units.format(rate, Units.Kind.RATE));
                    Profile timed = profile;
                    long seedA = seed++;
                    a = undisturbed("phase A", tf.foreignCpuLimit(), TestbedRunner.PAUSE_SECONDS,
                            () -> Phase.run(d, st, rule(timed, 0.0), rate, 5, secs, seedA, work, "A-" + tag,
                                    tf.drainSeconds()));
                    out.printf(Locale.ROOT, "[calibrate] phase B (no early exit, every branch timed), %.0f s%n", secs);
                    long seedB = seed++;
                    b = undisturbed("phase B", tf.foreignCpuLimit(), TestbedRunner.PAUSE_SECONDS,
                            () -> Phase.run(d, st, rule(timed, 2.0), rate, 5, secs, seedB, work, "B-" + tag,
                                    tf.drainSeconds()));
                }
                passes.add(b);
                settings.add(Residuals.setting(bw, probed, a, b, st, profile, tf.burstBytes(), tf.encoding()));
            }
        } finally {
            if (d != null) {
                d.close();
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "eesim-testbed-calibration/1");
        Object measured = reanalyse ? CalibratedProfile.read(outDir.resolve("calibration.yaml")).get("measured") : null;
        doc.put("measured", measured != null ? measured : Residuals.ordered("started", started, "finished", Instant.now().toString(),
                "load_average_before", load0, "load_average_after", TestbedRunner.loadAverage(),
                "cpus", new TreeMap<>(tf.cpus()), "encoding", tf.encoding(), "files", files.stream().map(f -> f.file().toString()).toList(),
                "rate", Units.format(tf.calibration().rate(), Units.Kind.RATE),
                "duration_per_phase", Units.format(tf.calibration().seconds(), Units.Kind.TIME)));
        if (reanalyse) {
            doc.put("reanalysed", Instant.now().toString() + " (eesim testbed calibrate --reanalyse, from " + work + ")");
        }
        doc.put("settings", settings);
        CalibratedProfile.write(tf.tracesProfile(), outDir, passes, base, doc, work);
        out.println("[calibrate] wrote " + outDir + " (profile.yaml with the deployment's layer times, calibration.yaml)");
        return outDir;
    }

    /** A calibration phase, run by {@link #undisturbed}. */
    interface PhaseRun {
        Phase run() throws IOException;
    }

    /**
     * A phase measured again (after a pause) while other work on the machine took more CPU than
     * the file's {@code foreign_cpu_limit}, as a validation run is ({@link TestbedRunner#undisturbed}),
     * at most {@link TestbedRunner#TRIES} times; the last try is kept whatever it read (its
     * {@code other_processes_cores} in calibration.yaml says how disturbed it was). A calibration
     * made while other processes take a core inflates every per-message cost (a CI check's, under
     * about 1.4 cores of other work, read 4.5 ms on the device against 2.4 ms in the calibration of
     * record) and with it every simulated latency.
     */
    Phase undisturbed(String what, double limit, double pauseSeconds, PhaseRun run) throws IOException {
        return TestbedRunner.undisturbed(out, "[calibrate] " + what, limit, pauseSeconds, () -> {
            Phase p = run.run();
            return new TestbedRunner.Try<>(p, p.bytes.getOrDefault("foreign_millicores", 0L) / 1000.0);
        });
    }

    /** Every branch at threshold {@code t} (0: the first answers; 2: none does, all are timed). */
    static Map<String, Object> rule(Profile p, double t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", "MAX_SOFTMAX");
        m.put("thresholds", p.branches().stream().map(x -> t).toList());
        m.put("enabled", p.branches().stream().map(x -> true).toList());
        return m;
    }

    /**
     * The link as a probe from {@code from} sees it through its relay: {delay s, rate bps}. The
     * delay is half the median round trip of an empty block; the rate divides a block's bytes on
     * the wire, less the bucket the pause refilled, by its round trip less the empty one's.
     */
    private double[] probe(Deployment d, String from, double nominalBps, TestbedFile tf) throws IOException {
        long big = Math.max(20_000, Math.round(nominalBps / 8));
        int reps = Math.max(5, tf.calibration().probes());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("host", "127.0.0.1");
        args.put("port", Layout.RELAY_PROBE);
        args.put("sizes", List.of(0L));
        args.put("repetitions", reps);
        args.put("pause_s", 0.05);
        Map<String, Object> r0 = d.child(from).call("probe", args, 600);
        args.put("sizes", List.of(big));
        args.put("repetitions", Math.max(3, reps / 6));
        args.put("pause_s", Math.max(0.05, 4.0 * tf.burstBytes() * 8 / nominalBps));
        Map<String, Object> r1 = d.child(from).call("probe", args, 600);
        double rtt0 = median(r0, 0);
        double rttBig = median(r1, big);
        double payload = big + 8;
        double wire = payload + PACKET * Math.ceil(payload / MSS);
        double rate = (wire - tf.burstBytes()) * 8 / (rttBig - rtt0);
        out.printf(Locale.ROOT, "[calibrate]   %s side: delay %.3f ms (round trip %.3f ms), rate %s for %s nominal%n",
                from, rtt0 / 2 * 1e3, rtt0 * 1e3, Units.format(Math.round(rate / 100.0) * 100.0, Units.Kind.BITRATE),
                Units.format(nominalBps, Units.Kind.BITRATE));
        return new double[] {rtt0 / 2, rate, rtt0};
    }

    @SuppressWarnings("unchecked")
    private static double median(Map<String, Object> reply, long size) {
        Map<String, Object> m = (Map<String, Object>) reply.get(Long.toString(size));
        return ((Number) m.get("median_s")).doubleValue();
    }
}
