package org.eesim.testbed.run;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.eesim.models.profile.LayerTimer;
import org.eesim.results.RunFolder;
import org.eesim.runner.SweepRunner;
import org.eesim.sweep.Point;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.ProblemsException;

/**
 * Measured against simulated, point by point: runs the simulated scenario of every testbed file
 * (see {@link Simulated}) and writes, for each point, the measured and simulated mean, p50, p95
 * and p99 latency, the share offloaded to the cloud and the exit shares, with the measured 95%
 * Student-t intervals and the relative errors, against the targets: mean within 5%, p95 within
 * 10%, the simulated offloaded share inside the measured interval.
 */
public final class Comparison {

    static final double MEAN_TARGET = 0.05;
    static final double P95_TARGET = 0.10;

    private final List<TestbedFile> files;
    private final Path root;
    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> disturbed = new ArrayList<>();

    public Comparison(List<TestbedFile> files, Path root, PrintStream out) {
        this.files = List.copyOf(files);
        this.root = root;
        this.out = out;
    }

    /**
     * One point's numbers: metric to {measured mean, low, high, simulated mean, low, high}; and for
     * the mean and p95 latency, how many measured replications lie inside the central 95% of the
     * simulated replications' values (a replication of the model, 40-60 s of Poisson arrivals, varies
     * as much as a measured one should), of how many.
     */
    record Row(String file, int point, Map<String, String> swept, Map<String, double[]> values,
               Map<String, int[]> inSpread) {
    }

    /** The metrics whose measured replications are placed in the simulated replications' spread. */
    static final List<String> SPREAD = List.of("latency.mean", "latency.p95");

    /** The mechanisms {@code --without} can leave out. */
    public static List<String> mechanisms() {
        return Simulated.MECHANISMS;
    }

    /** The mechanisms {@code --with} can add. */
    public static List<String> optional() {
        return Simulated.OPTIONAL;
    }

    public Path run(Set<String> without, Set<String> with, int replications, int threads, String tag)
            throws IOException, ProblemsException {
        Path dir = root.resolve("comparison" + (tag.isEmpty() ? "" : "-" + tag));
        Files.createDirectories(dir);
        rows.clear();
        disturbed.clear();
        // which measured and simulated folders each file's rows come from (testbed/figures.sh draws them)
        StringBuilder folders = new StringBuilder("file,measured,simulated\n");
        for (TestbedFile tf : files) {
            SweepPlan measuredPlan = SweepPlan.read(tf.scenario());
            Path measured = TestbedRunner.folder(measuredPlan, root);
            if (!Files.isRegularFile(measured.resolve("summary.csv"))) {
                throw new IOException(measured + " has no summary.csv: run eesim testbed run " + tf.file() + " to the end first");
            }
            String suffix = tag.isEmpty() ? "" : "-" + tag;
            Path simFile = Simulated.write(tf, dir.resolve(measuredPlan.points().get(0).scenario().name() + "-simulated"
                    + suffix + ".yaml"), without, with, replications, root, suffix);
            SweepPlan simPlan = SweepPlan.read(simFile);
            if (Files.exists(simPlan.folder())) { // compare's own output, of an older calibration or model: made again
                CalibratedProfile.deleteTree(simPlan.folder());
            }
            RunFolder folder = RunFolder.prepare(simPlan, simPlan.folder(), null, simPlan.runs(), Instant.now());
            SweepRunner.run(folder, threads, SweepRunner.Progress.NONE);
            folder.finish(Instant.now(), threads);
            out.println("[compare] simulated " + simFile.getFileName() + " into " + simPlan.folder());
            folders.append(tf.file().getFileName()).append(',').append(measured.toAbsolutePath()).append(',')
                    .append(simPlan.folder().toAbsolutePath()).append('\n');
            Map<Integer, Map<String, double[]>> m = summary(measured.resolve("summary.csv"));
            Map<Integer, Map<String, double[]>> s = summary(simPlan.folder().resolve("summary.csv"));
            noteDisturbances(tf, m);
            Map<Integer, Map<String, List<Double>>> mr = replications(measured.resolve("replications.csv"));
            Map<Integer, Map<String, List<Double>>> sr = replications(simPlan.folder().resolve("replications.csv"));
            for (int p : m.keySet()) {
                Map<String, double[]> v = new LinkedHashMap<>();
                for (var e : m.get(p).entrySet()) {
                    double[] sim = s.get(p).get(e.getKey());
                    if (sim != null) {
                        v.put(e.getKey(), new double[] {e.getValue()[0], e.getValue()[1], e.getValue()[2], sim[0], sim[1],
                                sim[2]});
                    }
                }
                Map<String, String> setting = new LinkedHashMap<>();
                setting.put("uplink", org.eesim.units.Units.format(
                        measuredPlan.points().get(p).scenario().links().uplink().bandwidthBps(), org.eesim.units.Units.Kind.BITRATE));
                for (Point.Assignment a : measuredPlan.points().get(p).assignments()) {
                    setting.put(a.key(), a.value());
                }
                Map<String, int[]> in = new LinkedHashMap<>();
                for (String k : SPREAD) {
                    in.put(k, inSpread(mr.getOrDefault(p, Map.of()).getOrDefault(k, List.of()),
                            sr.getOrDefault(p, Map.of()).getOrDefault(k, List.of())));
                }
                rows.add(new Row(tf.file().getFileName().toString(), p, setting, v, in));
            }
        }
        Files.writeString(dir.resolve("comparison.csv"), csv(rows));
        Files.writeString(dir.resolve("folders.csv"), folders.toString());
        String md = markdown(rows, without, with);
        Files.writeString(dir.resolve("comparison.md"), md);
        out.print(md);
        return dir;
    }

    /**
     * The points of the last {@link #run} whose mean or p95 latency is off by more than the
     * tolerances, or whose simulated offloaded share is outside the measured interval; empty when all agree.
     */
    public List<String> misses(double meanTolerance, double p95Tolerance) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            double[] m = r.values().get("latency.mean");
            double[] p = r.values().get("latency.p95");
            double[] o = r.values().get("offload.edge_to_cloud");
            double em = (m[3] - m[0]) / m[0];
            double ep = (p[3] - p[0]) / p[0];
            if (Math.abs(em) > meanTolerance || Math.abs(ep) > p95Tolerance || (o != null && (o[3] < o[1] || o[3] > o[2]))) {
                out.add(String.format(Locale.ROOT, "%s point %d (%s): mean %+.1f%%, p95 %+.1f%%%s", r.file(), r.point(),
                        label(r.swept()), em * 100, ep * 100, o == null ? "" : String.format(Locale.ROOT,
                                ", P_off %.3f against [%.3f, %.3f]", o[3], o[1], o[2])));
            }
        }
        return out;
    }

    /**
     * What ran while other processes took more CPU than the testbed file allows (the calibration's
     * phases, the measured points' replications on average), found by the last {@link #run}: a
     * miss there says the machine was busy, not that the model is wrong.
     */
    public List<String> disturbances() {
        return List.copyOf(disturbed);
    }

    private void noteDisturbances(TestbedFile tf, Map<Integer, Map<String, double[]>> measured) throws IOException {
        double limit = tf.foreignCpuLimit();
        Path calibration = tf.calibration().out().resolve("calibration.yaml");
        if (Files.isRegularFile(calibration)) {
            for (JsonNode v : CalibratedProfile.read(calibration).findValues("other_processes_cores")) {
                if (v.asDouble() > limit) {
                    disturbed.add(String.format(Locale.ROOT, "the calibration %s: a phase ran while other processes took"
                            + " %.2f cores (limit %.2f)", calibration, v.asDouble(), limit));
                }
            }
        }
        measured.forEach((p, metrics) -> {
            double[] f = metrics.get("testbed.foreign_cpu");
            if (f != null && f[0] > limit) {
                disturbed.add(String.format(Locale.ROOT, "%s point %d: other processes took %.2f cores on average over"
                        + " its replications (limit %.2f)", tf.file().getFileName(), p, f[0], limit));
            }
        });
    }

    /** point -> metric -> each replication's value, of a replications.csv (point,replication,seed,metric,value). */
    static Map<Integer, Map<String, List<Double>>> replications(Path csv) throws IOException {
        Map<Integer, Map<String, List<Double>>> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            m.computeIfAbsent(Integer.parseInt(c[0]), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c[3], k -> new ArrayList<>()).add(Double.parseDouble(c[4]));
        }
        return m;
    }

    /**
     * {inside, of}: how many of {@code measured} lie within the 2.5% and 97.5% quantiles of
     * {@code simulated} (Hyndman-Fan type 7, as numpy's default); {0, 0} without both.
     */
    static int[] inSpread(List<Double> measured, List<Double> simulated) {
        if (measured.isEmpty() || simulated.size() < 2) {
            return new int[] {0, 0};
        }
        double[] s = simulated.stream().mapToDouble(Double::doubleValue).toArray();
        double lo = LayerTimer.quantile(s, 0.025);
        double hi = LayerTimer.quantile(s, 0.975);
        int in = (int) measured.stream().filter(x -> x >= lo && x <= hi).count();
        return new int[] {in, measured.size()};
    }

    /** point -> metric -> {mean, ci_low, ci_high} of a summary.csv. */
    static Map<Integer, Map<String, double[]>> summary(Path csv) throws IOException {
        Map<Integer, Map<String, double[]>> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            m.computeIfAbsent(Integer.parseInt(c[0]), k -> new LinkedHashMap<>()).put(c[1],
                    new double[] {Double.parseDouble(c[3]), Double.parseDouble(c[5]), Double.parseDouble(c[6])});
        }
        return m;
    }

    private static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("file,point,setting,metric,measured,measured_ci_low,measured_ci_high,"
                + "simulated,simulated_ci_low,simulated_ci_high,relative_error\n");
        for (Row r : rows) {
            for (var e : r.values().entrySet()) {
                double[] v = e.getValue();
                b.append(r.file()).append(',').append(r.point()).append(",\"").append(label(r.swept())).append("\",")
                        .append(e.getKey());
                for (double x : v) {
                    b.append(',').append(x);
                }
                b.append(',').append(v[0] == 0 ? Double.NaN : (v[3] - v[0]) / v[0]).append('\n');
            }
        }
        return b.toString();
    }

    private static String label(Map<String, String> swept) {
        List<String> parts = new ArrayList<>();
        swept.forEach((k, v) -> parts.add(k.substring(k.lastIndexOf('.') + 1) + "=" + v));
        return String.join("; ", parts);
    }

    private static String markdown(List<Row> rows, Set<String> without, Set<String> with) {
        StringBuilder b = new StringBuilder();
        b.append("Simulated with ").append(without.isEmpty() ? "every mechanism" : "no " + String.join(", no ", without))
                .append(with.isEmpty() ? "" : ", and " + String.join(", ", with))
                .append(". Latencies in ms, measured (± half-width of its 95% interval over the replications) /"
                        + " simulated (relative error); P_off: the share answered in the cloud, measured [95% interval] /"
                        + " simulated; runs in spread: how many measured replications have their mean, then their p95,"
                        + " inside the central 95% of the simulated replications' values.\n\n");
        List<String> keys = new ArrayList<>(rows.get(0).swept().keySet());
        b.append("| ").append(String.join(" | ", keys.stream().map(k -> k.substring(k.lastIndexOf('.') + 1)).toList()))
                .append(" | mean | p50 | p95 | p99 | P_off | b1 share | runs in spread |\n|");
        b.append("---|".repeat(keys.size() + 7)).append("\n");
        int[] spreadMean = {0, 0};
        int[] spreadP95 = {0, 0};
        int meanOk = 0;
        int p95Ok = 0;
        int poffOk = 0;
        int poffN = 0;
        int meanIn = 0;
        int p95In = 0;
        double maxMean = 0;
        double maxP95 = 0;
        for (Row r : rows) {
            Map<String, double[]> v = r.values();
            b.append("| ");
            for (String k : keys) {
                String x = r.swept().get(k);
                b.append(x.replace("{", "").replace("}", "").replace(": 1", "")).append(" | ");
            }
            for (String k : List.of("latency.mean", "latency.p50", "latency.p95", "latency.p99")) {
                double[] x = v.get(k);
                double err = (x[3] - x[0]) / x[0];
                double hw = (x[2] - x[1]) / 2;
                boolean in = x[3] >= x[1] && x[3] <= x[2];
                boolean ok = k.equals("latency.mean") ? Math.abs(err) <= MEAN_TARGET
                        : k.equals("latency.p95") ? Math.abs(err) <= P95_TARGET : true;
                if (k.equals("latency.mean")) {
                    meanOk += ok ? 1 : 0;
                    meanIn += in ? 1 : 0;
                    maxMean = Math.max(maxMean, Math.abs(err));
                }
                if (k.equals("latency.p95")) {
                    p95Ok += ok ? 1 : 0;
                    p95In += in ? 1 : 0;
                    maxP95 = Math.max(maxP95, Math.abs(err));
                }
                boolean target = k.equals("latency.mean") || k.equals("latency.p95");
                b.append(String.format(Locale.ROOT, target ? "%.1f ± %.1f / %.1f (%s%+.1f%%%s)" : "%.1f / %.1f (%+.1f%%)",
                        target ? new Object[] {x[0] * 1e3, hw * 1e3, x[3] * 1e3, ok ? "" : "**", err * 100, ok ? "" : "**"}
                                : new Object[] {x[0] * 1e3, x[3] * 1e3, err * 100})).append(" | ");
            }
            double[] p = v.get("offload.edge_to_cloud");
            if (p != null) {
                boolean in = p[3] >= p[1] && p[3] <= p[2];
                poffOk += in ? 1 : 0;
                poffN++;
                b.append(String.format(Locale.ROOT, "%.3f [%.3f, %.3f] / %s%.3f%s", p[0], p[1], p[2], in ? "" : "**",
                        p[3], in ? "" : "**"));
            }
            double[] e = v.get("exit.b1");
            b.append(" | ").append(e == null ? "" : String.format(Locale.ROOT, "%.3f / %.3f", e[0], e[3]));
            int[] sm = r.inSpread().get("latency.mean");
            int[] sp = r.inSpread().get("latency.p95");
            spreadMean[0] += sm[0];
            spreadMean[1] += sm[1];
            spreadP95[0] += sp[0];
            spreadP95[1] += sp[1];
            b.append(String.format(Locale.ROOT, " | %d/%d, %d/%d |%n", sm[0], sm[1], sp[0], sp[1]));
        }
        b.append(String.format(Locale.ROOT, "%nTargets met (misses in bold): mean within 5%% at %d of %d points (largest"
                + " error %.1f%%), p95 within 10%% at %d of %d (largest %.1f%%), P_off inside the measured interval at %d"
                + " of %d. The simulated value lies inside the measured 95%% interval for the mean at %d, for p95 at %d.%n",
                meanOk, rows.size(), maxMean * 100, p95Ok, rows.size(), maxP95 * 100, poffOk, poffN, meanIn, p95In));
        b.append(String.format(Locale.ROOT, "%nRuns in spread: of the measured replications, %d of %d have a mean latency"
                + " and %d of %d a p95 inside the central 95%% of the simulated replications' (about 95%% would if"
                + " the model were exact and the runs independent).%n", spreadMean[0], spreadMean[1], spreadP95[0],
                spreadP95[1]));
        return b.toString();
    }
}
