package org.eesim.sim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eesim.scenario.Energy;
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
    /** Null without an energy section. */
    private final Energy energy;
    private final Radio radio;

    TrainingTally(Training t, long warmup, Energy energy) {
        this.t = t;
        this.warmup = warmup;
        this.staleness = new long[t.staleness() + 1];
        this.energy = energy;
        this.radio = new Radio(energy == null ? 0 : energy.radio().tailSeconds());
    }

    /** A transfer's bits left (up) or reached (down) the edge's radio from {@code start} to {@code end}. */
    void radio(boolean up, double start, double end, double bytes) {
        radio.transfer(up, start, end, bytes);
    }

    /**
     * The edge radio's activity, as the inference model charges a device's (Huang et al.): sending
     * {@code send} W over the upload's serialisation plus {@code send_per_mbit}, receiving likewise,
     * at most the larger of the two powers while both run (their beta is one radio's), and after
     * each spell of activity a tail until {@code tail_time} has passed or the next transfer starts;
     * the last tail counts whole. Transfers are told in the order they start (the event list's),
     * so the union of their intervals grows from the left: one number keeps it.
     */
    private static final class Radio {
        private final double tailTime;
        double upSeconds;
        double downSeconds;
        double unionSeconds;
        double upBits;
        double downBits;
        double coveredUntil = Double.NEGATIVE_INFINITY;
        /** Tail seconds between spells of activity, each cut at the tail time. */
        double tailSeconds;
        boolean any;

        Radio(double tailTime) {
            this.tailTime = tailTime;
        }

        void transfer(boolean up, double start, double end, double bytes) {
            if (up) {
                upSeconds += end - start;
                upBits += bytes * 8;
            } else {
                downSeconds += end - start;
                downBits += bytes * 8;
            }
            if (any && start > coveredUntil) {
                tailSeconds += Math.min(start - coveredUntil, tailTime);
            }
            unionSeconds += Math.max(0, end - Math.max(start, coveredUntil));
            coveredUntil = Math.max(coveredUntil, end);
            any = true;
        }

        /** Joules above the edge's idle draw, the last tail whole. */
        double joules(Energy.Radio r) {
            double overlap = upSeconds + downSeconds - unionSeconds;
            double active = r.sendWatts() * upSeconds + r.receiveWatts() * downSeconds
                    - Math.min(r.sendWatts(), r.receiveWatts()) * overlap;
            double perBit = r.sendJoulesPerMegabit() * upBits / 1e6 + r.receiveJoulesPerMegabit() * downBits / 1e6;
            return active + perBit + r.tailWatts() * (tailSeconds + (any ? tailTime : 0));
        }
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
        if (energy != null) {
            double edgeCompute = energy.device().joulesPerCoreSecond(1) * edge.busySeconds();
            double radioJoules = radio.joules(energy.radio());
            m.put("energy.edge", (edgeCompute + radioJoules) / n);
            m.put("energy.edge_radio", radioJoules / n);
            m.put("energy.edge_idle", energy.device().idleWatts() * total / n);
            m.put("energy.cloud", energy.cloud().joulesPerCoreSecond(1) * cloud.busySeconds() / n);
            m.put("energy.cloud_idle", energy.cloud().idleWatts() * total / n);
        }
        return m;
    }
}
