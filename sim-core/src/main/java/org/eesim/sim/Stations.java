package org.eesim.sim;

/**
 * The stations of one kind of resource, 0..n-1, each a first-come-first-served queue in front of
 * {@code cores} identical servers: the devices, the edge or cloud machines, or a link's
 * transmitters (one core each).
 *
 * <p>Because service is FIFO and a job's service time is known when it arrives, its start and end
 * follow at once from the Kiefer–Wolfowitz recursion (start = max(arrival, earliest free core)):
 * no departure event is needed. A station's arrivals must be offered in non-decreasing time
 * order, which the event list guarantees.
 *
 * <p>Busy time and waiting time are integrated exactly over an observation window
 * [{@link #openWindow}, {@link #closeWindow}]: the parts of jobs already admitted that fall
 * outside the window are added at the opening and subtracted at the closing. After a window
 * opens, every core's schedule past the current time is one busy block (a job admitted at time
 * t <= now starts at t or at the end of the previous job), and start times are non-decreasing in
 * arrival order, so both corrections are exact.
 *
 * <p>The state is in primitive arrays indexed by station, not in an object per station: a model
 * of 10,000 devices has 10,000 device stations, mostly idle, and a request reaches its device's
 * long after the last one did, so what it reads there is cold. Here it reads one record of
 * {@code cores + 2} doubles (when each core frees, the busy and waiting integrals); a station's
 * ring of waiting jobs is touched only when no core is free.
 */
final class Stations implements Resources {

    private final String kind;
    private final int count;
    private final int cores;
    /** Station s's record from s * stride: when each core frees, then the busy and waiting integrals. */
    private final int stride;
    private final double[] record;
    private static final double[] NONE = new double[0];
    /**
     * Per station: start times of admitted jobs that had not started at an arrival (FIFO order, a
     * ring a power of two long, made when a job first has to wait). Entries at or before the
     * current time are stale: they are dropped when the ring is next used.
     */
    private final double[][] pending;
    private final int[] pendingHead;
    private final int[] pendingSize;

    private boolean open;
    private boolean closed;
    private double windowStart;
    private double windowEnd;
    private long jobs;
    /** When the job admitted last starts its service (a transfer starts being sent). */
    private double lastStart = Double.NaN;

    /** {@code count} stations of {@code cores} cores, named {@code kind-0} and so on. */
    Stations(String kind, int count, int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("a station needs at least one core, not " + cores);
        }
        this.kind = kind;
        this.count = count;
        this.cores = cores;
        this.stride = cores + 2;
        this.record = new double[count * stride];
        this.pending = new double[count][];
        java.util.Arrays.fill(pending, NONE);
        this.pendingHead = new int[count];
        this.pendingSize = new int[count];
    }

    String name(int s) {
        return kind + "-" + s;
    }

    int count() {
        return count;
    }

    int cores() {
        return cores;
    }

    /** Machines: the work is seconds of a core. */
    @Override
    public double serve(int member, double now, double seconds) {
        return admit(member, now, seconds);
    }

    @Override
    public Stations stations() {
        return this;
    }

    /** Admits to station {@code s} a job arriving at {@code now} needing {@code service} seconds; returns its end. */
    double admit(int s, double now, double service) {
        // written out rather than through earliestCore/occupy: the model's hottest path; with the
        // split version the benchmark's tuned/bare ratio fell from about 1.2 to 1.0 (load ~4.5)
        int base = s * stride;
        int k = base;
        double earliest = record[base];
        for (int i = base + 1; i < base + cores; i++) {
            if (record[i] < earliest) {
                earliest = record[i];
                k = i;
            }
        }
        double start = Math.max(now, earliest);
        double end = start + service;
        lastStart = start;
        record[k] = end;
        if (earliest > now) {
            // no core free: the job waits (with a core free at now, no job admitted earlier still does)
            queue(s, now, start);
        }
        if (open && !closed) {
            record[base + cores] += service;
            record[base + cores + 1] += start - now;
            jobs++;
        }
        return end;
    }

    /**
     * Admits to station {@code s} a transfer of {@code bits} over a link whose rate changes, so
     * that its end depends on when it starts; returns the end. (The rate and size rather than a
     * function of the start: no lambda allocated per transfer.)
     */
    double admitBits(int s, double now, RateFunction rate, double bits) {
        int k = earliestCore(s);
        double earliest = record[k];
        double start = Math.max(now, earliest);
        double end = rate.finish(start, bits);
        lastStart = start;
        record[k] = end;
        if (earliest > now) {
            queue(s, now, start);
        }
        if (open && !closed) {
            record[s * stride + cores] += end - start;
            record[s * stride + cores + 1] += start - now;
            jobs++;
        }
        return end;
    }

    /** When the job admitted last (to any of these stations) starts its service: a transfer, starts being sent. */
    double lastStart() {
        return lastStart;
    }

    /** When the first core of station {@code s} is free of every job admitted so far (past, for an idle one). */
    double earliestFree(int s) {
        return record[earliestCore(s)];
    }

    private int earliestCore(int s) {
        int base = s * stride;
        int k = base;
        for (int i = base + 1; i < base + cores; i++) {
            if (record[i] < record[k]) {
                k = i;
            }
        }
        return k;
    }

    /** Jobs waiting at station {@code s} at {@code now} (admitted, not started), now no earlier than its last arrival. */
    int waiting(int s, double now) {
        dropStarted(s, now);
        return pendingSize[s];
    }

    /** Starts integrating at {@code t}, counting the part after {@code t} of jobs admitted before. */
    void openWindow(double t) {
        windowStart = t;
        open = true;
        for (int s = 0; s < count; s++) {
            dropStarted(s, t);
            int base = s * stride;
            for (int i = base; i < base + cores; i++) {
                record[base + cores] += Math.max(0, record[i] - t);
            }
            for (int i = 0; i < pendingSize[s]; i++) {
                record[base + cores + 1] += pendingAt(s, i) - t;
            }
        }
    }

    /** Stops integrating at {@code t}, removing the part after {@code t} of jobs admitted so far. */
    void closeWindow(double t) {
        if (!open) {
            throw new IllegalStateException("window of the " + kind + " stations closed before it opened");
        }
        windowEnd = t;
        closed = true;
        for (int s = 0; s < count; s++) {
            dropStarted(s, t);
            int base = s * stride;
            for (int i = base; i < base + cores; i++) {
                record[base + cores] -= Math.max(0, record[i] - t);
            }
            for (int i = 0; i < pendingSize[s]; i++) {
                record[base + cores + 1] -= pendingAt(s, i) - t;
            }
        }
    }

    /** Time-average fraction of station {@code s}'s cores busy over the window. */
    double utilisation(int s) {
        return busyIntegral(s) / (cores * span());
    }

    /** Time-average number of jobs waiting (not in service) at station {@code s} over the window. */
    double meanQueueLength(int s) {
        return waitIntegral(s) / span();
    }

    /** Core-seconds station {@code s} was busy in the window. */
    double busyIntegral(int s) {
        return record[s * stride + cores];
    }

    /** Job-seconds spent waiting at station {@code s} in the window. */
    double waitIntegral(int s) {
        return record[s * stride + cores + 1];
    }

    /** Jobs admitted inside the window, to all of these stations. */
    long jobs() {
        return jobs;
    }

    private double span() {
        if (!closed) {
            throw new IllegalStateException("window of the " + kind + " stations is not closed");
        }
        return windowEnd - windowStart;
    }

    /** A job admitted to station {@code s} at {@code now} waits until {@code start}. */
    private void queue(int s, double now, double start) {
        dropStarted(s, now);
        double[] ring = pending[s];
        int size = pendingSize[s];
        if (size == ring.length) {
            double[] bigger = new double[Math.max(4, ring.length * 2)];
            for (int i = 0; i < size; i++) {
                bigger[i] = pendingAt(s, i);
            }
            pending[s] = bigger;
            pendingHead[s] = 0;
            ring = bigger;
        }
        ring[(pendingHead[s] + size) & (ring.length - 1)] = start;
        pendingSize[s] = size + 1;
    }

    private void dropStarted(int s, double now) {
        double[] ring = pending[s];
        int head = pendingHead[s];
        int size = pendingSize[s];
        while (size > 0 && ring[head] <= now) {
            head = (head + 1) & (ring.length - 1);
            size--;
        }
        pendingHead[s] = head;
        pendingSize[s] = size;
    }

    private double pendingAt(int s, int i) {
        double[] ring = pending[s];
        return ring[(pendingHead[s] + i) & (ring.length - 1)];
    }

    @Override
    public String toString() {
        return count + " " + kind + " stations of " + cores + " cores";
    }
}
