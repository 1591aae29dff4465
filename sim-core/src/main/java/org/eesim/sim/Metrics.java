package org.eesim.sim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.DoubleHistogram;

/**
 * Per-replication tallies of the measured requests. Memory is flat in run length: latencies go
 * into an HdrHistogram (3 significant digits, so any reported quantile is within 0.1% of the
 * exact sample quantile) and everything else is a counter or a sum.
 */
final class Metrics {

    private final DoubleHistogram latency = new DoubleHistogram(3);
    private final long[] exits;
    private long requests;
    private long correct;
    private long accuracyKnown;
    private long crossedUplink;
    private long crossedWan;
    private long uplinkBytes;
    private long wanBytes;
    private long deadlineMisses;
    private double latencySum;
    /** Exact, beside the histogram's: its max is only within 0.1% of the largest latency. */
    private double latencyMax = Double.NaN;
    private final Double deadline;

    Metrics(int exitCount, Double deadlineSeconds) {
        this.exits = new long[exitCount];
        this.deadline = deadlineSeconds;
    }

    void record(Request r, double latencySeconds) {
        requests++;
        latencySum += latencySeconds;
        latencyMax = requests == 1 ? latencySeconds : Math.max(latencyMax, latencySeconds);
        latency.recordValue(latencySeconds);
        exits[r.exit]++;
        if (r.correct >= 0) {
            accuracyKnown++;
            correct += r.correct;
        }
        if (r.crossesUplink) {
            crossedUplink++;
            uplinkBytes += r.uplinkBytes;
        }
        if (r.crossesWan) {
            crossedWan++;
            wanBytes += r.wanBytes;
        }
        if (deadline != null && latencySeconds > deadline) {
            deadlineMisses++;
        }
    }

    /** Latency at each of {@link #QUANTILES} (fractions), from the histogram. */
    double[] latencyQuantiles() {
        double[] q = new double[QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = latency.getValueAtPercentile(QUANTILES[i] * 100);
        }
        return q;
    }

    /** The quantiles written to distribution.csv: every percent, plus the tail. */
    static final double[] QUANTILES = quantiles();

    private static double[] quantiles() {
        double[] q = new double[101 + 4];
        for (int i = 0; i <= 100; i++) {
            q[i] = i / 100.0;
        }
        q[101] = 0.995;
        q[102] = 0.999;
        q[103] = 0.9995;
        q[104] = 0.9999;
        java.util.Arrays.sort(q);
        return q;
    }

    /**
     * Adds a tier's time-average utilisation (busy core-seconds over core-seconds) and mean number
     * waiting per machine; nothing for a tier with no machines.
     */
    static void putTier(Map<String, Double> m, String tier, int machines, int cores, double busyIntegral,
                        double waitIntegral, double span) {
        if (machines == 0) {
            return;
        }
        m.put("util." + tier, busyIntegral / (cores * span));
        m.put("queue." + tier, waitIntegral / (machines * span));
    }

    /** Metric name to value, in a stable order. Names are documented in the README. */
    Map<String, Double> toMap(org.eesim.profile.Profile profile, boolean hasEdge, boolean hasCloud) {
        String[] exitNames = new String[profile.exitCount()];
        for (int e = 0; e < exitNames.length; e++) {
            exitNames[e] = profile.exitName(e);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double n = requests;
        m.put("requests", n);
        m.put("offload.device_to_next", crossedUplink / n);
        if (hasEdge && hasCloud) {
            m.put("offload.edge_to_cloud", crossedWan / n);
        }
        for (int e = 0; e < exits.length; e++) {
            m.put("exit." + exitNames[e], exits[e] / n);
        }
        m.put("accuracy", accuracyKnown == requests ? correct / n : Double.NaN);
        m.put("latency.mean", latencySum / n);
        m.put("latency.p50", latency.getValueAtPercentile(50));
        m.put("latency.p95", latency.getValueAtPercentile(95));
        m.put("latency.p99", latency.getValueAtPercentile(99));
        m.put("latency.max", latencyMax);
        if (deadline != null) {
            m.put("deadline_miss", deadlineMisses / n);
        }
        m.put("bytes.uplink", uplinkBytes / n);
        if (hasEdge && hasCloud) {
            m.put("bytes.wan", wanBytes / n);
        }
        return m;
    }
}
