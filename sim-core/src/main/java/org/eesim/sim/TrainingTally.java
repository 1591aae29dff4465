package org.eesim.sim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eesim.scenario.Training;
import org.eesim.training.TrainingProfile;

/**
 * What one training replication measured (README, "Split training"): time per iteration and
 * epoch, throughput, staleness, the split over time and its moves, link traffic, utilisation and
 * the edge's memory. Counters only: memory is flat in the number of iterations.
 */
final class TrainingTally {

    private final Training t;
    private final long warmup;
    private final long[] staleness;
    private long finished;
    private double warmupEnd;
    private double lastFinish;
    private double epochStart;
    private double epochSeconds;
    private long epochs;
    private long started;
    private double splitSum;
    private long int8Iterations;
    private int firstSplit = Integer.MIN_VALUE;
    private int lastSplit;
    private double bytesUp;
    private double bytesDown;
    private long changes;
    private double changeAt;
    private double drainSeconds;
    private double drainedAt;
    private double migrationSeconds;
    private long migrationBytes;
    private double peakMemory;

    TrainingTally(Training t, long warmup) {
        this.t = t;
        this.warmup = warmup;
        this.staleness = new long[t.staleness() + 1];
    }

    void split(TrainingProfile.Split row, boolean int8, double now) {
        if (firstSplit == Integer.MIN_VALUE) {
            firstSplit = row.split();
        }
        lastSplit = row.split();
        memory(row, int8, 0);
    }

    void epochStart(double now) {
        epochStart = now;
    }

    void started(long index, double now, int inFlight, TrainingProfile.Split row, boolean int8) {
        started++;
        splitSum += row.split();
        if (int8) {
            int8Iterations++;
        }
        lastSplit = row.split();
        memory(row, int8, inFlight);
    }

    /** The edge's model slice plus, per iteration in flight, its input batch and (int8 with error feedback) its error. */
    private void memory(TrainingProfile.Split row, boolean int8, int inFlight) {
        double buffer = t.profile().inputBytes() + (int8 && t.errorFeedback() ? row.featureBytes() : 0);
        peakMemory = Math.max(peakMemory, row.edgeParamBytes() + inFlight * buffer);
    }

    void bytesUp(double bytes) {
        bytesUp += bytes;
    }

    void bytesDown(double bytes) {
        bytesDown += bytes;
    }

    void finished(long index, double now, long latestStarted) {
        finished++;
        int s = (int) (latestStarted - index);
        staleness[Math.min(s, staleness.length - 1)]++;
        if (index == warmup - 1) {
            warmupEnd = now;
        }
        lastFinish = now;
        if ((index + 1) % t.iterationsPerEpoch() == 0) {
            epochSeconds += now - epochStart;
            epochs++;
        }
    }

    void change(double now) {
        changes++;
        changeAt = now;
    }

    void drained(double now) {
        drainSeconds += now - changeAt;
        drainedAt = now;
    }

    void moved(double now, long bytes, boolean toEdge, TrainingProfile.Split row, boolean int8) {
        migrationSeconds += now - drainedAt;
        migrationBytes += bytes;
        if (toEdge) {
            bytesDown += bytes;
        } else {
            bytesUp += bytes;
        }
        split(row, int8, now);
    }

    Map<String, Double> results(FifoServer edge, FifoServer uplink, FifoServer cloud, FifoServer downlink,
                                TrainingPolicy policy) {
        Map<String, Double> m = new LinkedHashMap<>();
        double n = finished;
        double measured = finished - warmup;
        double span = lastFinish - warmupEnd;
        int batch = t.profile().batchSize();
        m.put("training.iterations", n);
        m.put("training.seconds", lastFinish);
        m.put("training.seconds_per_iteration", span / measured);
        m.put("training.throughput", measured * batch / span);
        if (t.epochs() != null) {
            m.put("training.epoch_seconds", epochSeconds / epochs);
        }
        double sum = 0;
        int max = 0;
        for (int k = 0; k < staleness.length; k++) {
            sum += k * (double) staleness[k];
            if (staleness[k] > 0) {
                max = k;
            }
        }
        m.put("training.staleness.mean", sum / n);
        m.put("training.staleness.max", (double) max);
        for (int k = 0; k < staleness.length; k++) {
            m.put("training.staleness." + k, staleness[k] / n);
        }
        m.put("training.split.first", (double) firstSplit);
        m.put("training.split.mean", splitSum / started);
        m.put("training.split.last", (double) lastSplit);
        m.put("training.int8", int8Iterations / (double) started);
        m.put("training.changes", (double) changes);
        m.put("training.decisions", (double) policy.decisions());
        m.put("training.drain_seconds", drainSeconds);
        m.put("training.migration_seconds", migrationSeconds);
        m.put("training.migration_bytes", (double) migrationBytes);
        m.put("training.expected_seconds_per_iteration", policy.expected());
        m.put("bytes.uplink", bytesUp / n);
        m.put("bytes.downlink", bytesDown / n);
        double total = lastFinish;
        m.put("util.edge", edge.busySeconds() / total);
        m.put("util.uplink", uplink.busySeconds() / total);
        m.put("util.cloud", cloud.busySeconds() / total);
        m.put("util.downlink", downlink.busySeconds() / total);
        m.put("training.edge_blocked", edge.blockedSeconds(total) / total);
        m.put("memory.edge_peak", peakMemory);
        return m;
    }
}
