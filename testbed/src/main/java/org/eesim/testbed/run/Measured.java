package org.eesim.testbed.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.DoubleHistogram;
import org.eesim.profile.Profile;

/**
 * The requests of one measured run, as the device fleet recorded them (one CSV row each, its
 * instants in nanoseconds from the run's start on the machine's monotonic clock), and the
 * metrics eesim reports for a replication computed from them the way the simulator computes its
 * own: the same names, the requests born in the measured window, latency quantiles from an
 * HdrHistogram with 3 significant digits, the same quantiles for {@code distribution.csv}.
 */
public final class Measured {

    /** One request: who sent it, what it carried, where it exited, and when things happened (ns). */
    public record Row(int node, int seq, String condition, int sample, int label, long birth, long dispatch, long sent,
                      long end, int exit, int tier, int predicted, int correct, int bytesUp, long deviceCompute,
                      long[] instants, String error) {
        public double latencySeconds() {
            return (end - birth) / 1e9;
        }

        public String id() {
            return node + "-" + seq;
        }

        /** Instant {@code i} (0 read, 1 compute start, 2 compute end, 3 answer sent) at server tier t (1 edge, 2 cloud). */
        public long at(int t, int i) {
            return instants[(t - 1) * 4 + i];
        }
    }

    private Measured() {
    }

    public static List<Row> read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", 24);
            long[] inst = new long[8];
            for (int i = 0; i < 8; i++) {
                inst[i] = Long.parseLong(c[15 + i]);
            }
            String err = c[23].isEmpty() ? null : c[23];
            rows.add(new Row(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2], Integer.parseInt(c[3]),
                    Integer.parseInt(c[4]), Long.parseLong(c[5]), Long.parseLong(c[6]), Long.parseLong(c[7]),
                    Long.parseLong(c[8]), Integer.parseInt(c[9]), Integer.parseInt(c[10]), Integer.parseInt(c[11]),
                    Integer.parseInt(c[12]), Integer.parseInt(c[13]), Long.parseLong(c[14]), inst, err));
        }
        return rows;
    }

    /** The rows born in [from, to) seconds, in birth order. */
    public static List<Row> window(List<Row> rows, double from, double to) {
        List<Row> w = new ArrayList<>();
        for (Row r : rows) {
            double b = r.birth() / 1e9;
            if (b >= from && b < to) {
                w.add(r);
            }
        }
        w.sort((a, b) -> Long.compare(a.birth(), b.birth()));
        return w;
    }

    /** Latencies at the simulator's quantiles (fractions), from the same kind of histogram. */
    public static Map<Double, Double> distribution(List<Row> rows, double[] quantiles) {
        DoubleHistogram h = histogram(rows);
        Map<Double, Double> d = new LinkedHashMap<>();
        for (double q : quantiles) {
            d.put(q, h.getValueAtPercentile(q * 100));
        }
        return d;
    }

    private static DoubleHistogram histogram(List<Row> rows) {
        DoubleHistogram h = new DoubleHistogram(3);
        for (Row r : rows) {
            h.recordValue(r.latencySeconds());
        }
        return h;
    }

    /**
     * The replication's metrics, named as the simulator names them; {@code wanBytes} maps a
     * request's id to the bytes its tensor took from the edge to the cloud. Testbed-only extras:
     * {@code testbed.dispatch_lag} (mean seconds a request left after its scheduled birth),
     * {@code util.edge} and {@code util.cloud} (compute-thread busy share over the window).
     */
    public static Map<String, Double> metrics(List<Row> rows, Profile profile, boolean hasEdge, boolean hasCloud,
                                              Map<String, Integer> wanBytes, double windowStart, double windowSeconds) {
        Map<String, Double> m = new LinkedHashMap<>();
        double n = rows.size();
        long[] exits = new long[profile.exitCount()];
        long up = 0;
        long wan = 0;
        long upBytes = 0;
        long wanSum = 0;
        long correct = 0;
        double sum = 0;
        double max = 0;
        double lag = 0;
        for (Row r : rows) {
            exits[r.exit()]++;
            if (r.tier() >= 1) {
                up++;
                upBytes += r.bytesUp();
            }
            if (hasEdge && hasCloud && r.tier() == 2) {
                wan++;
                wanSum += wanBytes.getOrDefault(r.id(), 0);
            }
            correct += r.correct();
            sum += r.latencySeconds();
            max = Math.max(max, r.latencySeconds());
            lag += (r.dispatch() - r.birth()) / 1e9;
        }
        DoubleHistogram h = histogram(rows);
        m.put("requests", n);
        m.put("offload.device_to_next", up / n);
        if (hasEdge && hasCloud) {
            m.put("offload.edge_to_cloud", wan / n);
        }
        for (int e = 0; e < exits.length; e++) {
            m.put("exit." + profile.exitName(e), exits[e] / n);
        }
        m.put("accuracy", correct / n);
        m.put("latency.mean", sum / n);
        m.put("latency.p50", h.getValueAtPercentile(50));
        m.put("latency.p95", h.getValueAtPercentile(95));
        m.put("latency.p99", h.getValueAtPercentile(99));
        m.put("latency.max", max);
        m.put("bytes.uplink", upBytes / n);
        if (hasEdge && hasCloud) {
            m.put("bytes.wan", wanSum / n);
        }
        double end = windowStart + windowSeconds;
        for (int t = 1; t <= 2; t++) {
            if ((t == 1 && !hasEdge) || (t == 2 && !hasCloud)) {
                continue;
            }
            double busy = 0;
            for (Row r : rows) {
                long s = r.at(t, 1);
                long e = r.at(t, 2);
                if (s > 0 && e > 0) {
                    busy += Math.max(0, Math.min(e / 1e9, end) - Math.max(s / 1e9, windowStart));
                }
            }
            m.put(t == 1 ? "util.edge" : "util.cloud", busy / windowSeconds);
        }
        m.put("window.seconds", windowSeconds);
        m.put("testbed.dispatch_lag", lag / n);
        return m;
    }

    /**
     * The measured requests as tidy rows, one per request: its birth (seconds from the window's
     * start) and latency, the exit and the tier that answered, the bytes it sent over each link,
     * its input, whether the answer was right, and which emulated device sent it.
     */
    public static List<String> tidy(List<Row> rows, Profile profile, Map<String, Integer> wanBytes, double windowStart) {
        List<String> out = new ArrayList<>();
        out.add("birth_s,latency_s,exit,exit_tier,bytes_uplink,bytes_wan,condition,sample,correct,device,seq");
        String[] tiers = {"device", "edge", "cloud"};
        for (Row r : rows) {
            out.add(String.format(java.util.Locale.ROOT, "%.9f,%.9f,%s,%s,%d,%d,%s,%d,%d,%d,%d", r.birth() / 1e9 - windowStart,
                    r.latencySeconds(), profile.exitName(r.exit()), tiers[r.tier()], r.tier() >= 1 ? r.bytesUp() : 0,
                    wanBytes.getOrDefault(r.id(), 0), r.condition(), r.sample(), r.correct(), r.node(), r.seq()));
        }
        return out;
    }

    /** Request id to the bytes it sent on from a tier's log ({@code collect}'s CSV: request, ..., bytes_out). */
    public static Map<String, Integer> bytesOut(Path tierLog) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        List<String> lines = Files.readAllLines(tierLog);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            out.put(c[0], Integer.parseInt(c[12]));
        }
        return out;
    }
}
