package org.eesim.sim;

import java.util.Arrays;

/**
 * A first-come-first-served queue in front of {@code cores} identical servers: a device, an edge
 * or cloud machine, or a link's transmitter (one core).
 *
 * <p>Because service is FIFO and a job's service time is known when it arrives, its start and end
 * follow at once from the Kiefer–Wolfowitz recursion (start = max(arrival, earliest free core)):
 * no departure event is needed. Arrivals must be offered in non-decreasing time order, which the
 * event list guarantees.
 *
 * <p>Busy time and waiting time are integrated exactly over an observation window
 * [{@link #openWindow}, {@link #closeWindow}]: the parts of jobs already admitted that fall
 * outside the window are added at the opening and subtracted at the closing. After a window
 * opens, every core's schedule past the current time is one busy block (a job admitted at time
 * t <= now starts at t or at the end of the previous job), and start times are non-decreasing in
 * arrival order, so both corrections are exact.
 */
public final class Station implements Resource {

    private final String name;
    private final int index;
    private final double[] freeAt;
    private static final double[] NONE = new double[0];
    /**
     * Start times of admitted jobs that had not started at the last arrival (FIFO order, a ring
     * a power of two long). Made when a job first has to wait: a model of 10,000 devices has
     * 10,000 stations, mostly idle, and an array each would be one more cache line a request misses.
     */
    private double[] pending = NONE;
    private int pendingHead;
    private int pendingSize;

    private boolean open;
    private boolean closed;
    private double windowStart;
    private double windowEnd;
    private double busyIntegral;
    private double waitIntegral;
    private long jobs;
    /** When the job admitted last starts its service (a transfer starts being sent). */
    private double lastStart = Double.NaN;

    public Station(String name, int cores) {
        this(name, -1, cores);
    }

    /**
     * Station {@code index} of a kind called {@code prefix} ({@code device-17}): the name is made
     * only when asked for, since a model of 10,000 devices builds 10,000 stations per replication.
     */
    Station(String prefix, int index, int cores) {
        this.name = prefix;
        this.index = index;
        this.freeAt = new double[cores];
    }

    public String name() {
        return index < 0 ? name : name + "-" + index;
    }

    public int cores() {
        return freeAt.length;
    }

    @Override
    public double serve(double now, double seconds) {
        return admit(now, seconds);
    }

    @Override
    public Station station() {
        return this;
    }

    /** Jobs admitted but not yet started, as of the last arrival. */
    int waiting() {
        return pendingSize;
    }

    /** Admits a job arriving at {@code now} needing {@code service} seconds; returns its end time. */
    public double admit(double now, double service) {
        // written out rather than through earliestCore/occupy: the model's hottest path; with the
        // split version the benchmark's tuned/bare ratio fell from about 1.2 to 1.0 (load ~4.5)
        int k = 0;
        double earliest = freeAt[0];
        for (int i = 1; i < freeAt.length; i++) {
            if (freeAt[i] < earliest) {
                earliest = freeAt[i];
                k = i;
            }
        }
        double start = Math.max(now, earliest);
        double end = start + service;
        lastStart = start;
        freeAt[k] = end;
        dropStarted(now);
        if (start > now) {
            push(start);
        }
        if (open && !closed) {
            busyIntegral += service;
            waitIntegral += start - now;
            jobs++;
        }
        return end;
    }

    /**
     * Admits a transfer of {@code bits} over a link whose rate changes, so that its end depends on
     * when it starts; returns the end. (The rate and size rather than a function of the start: no
     * lambda allocated per transfer.)
     */
    double admitBits(double now, RateFunction rate, double bits) {
        int k = earliestCore();
        double start = Math.max(now, freeAt[k]);
        double end = rate.finish(start, bits);
        return occupy(k, now, start, end, end - start);
    }

    /** When the job admitted last starts its service (for a transmitter: starts being sent). */
    double lastStart() {
        return lastStart;
    }

    /** When the first core is free of every job admitted so far (a time past, for an idle station). */
    double earliestFree() {
        return freeAt[earliestCore()];
    }

    private int earliestCore() {
        int k = 0;
        double earliest = freeAt[0];
        for (int i = 1; i < freeAt.length; i++) {
            if (freeAt[i] < earliest) {
                earliest = freeAt[i];
                k = i;
            }
        }
        return k;
    }

    private double occupy(int k, double now, double start, double end, double busy) {
        lastStart = start;
        freeAt[k] = end;
        dropStarted(now);
        if (start > now) {
            push(start);
        }
        if (open && !closed) {
            busyIntegral += busy;
            waitIntegral += start - now;
            jobs++;
        }
        return end;
    }

    /** Starts integrating at {@code t}, counting the part after {@code t} of jobs admitted before. */
    public void openWindow(double t) {
        dropStarted(t);
        windowStart = t;
        open = true;
        for (double f : freeAt) {
            busyIntegral += Math.max(0, f - t);
        }
        for (int i = 0; i < pendingSize; i++) {
            waitIntegral += pendingAt(i) - t;
        }
    }

    /** Stops integrating at {@code t}, removing the part after {@code t} of jobs admitted so far. */
    public void closeWindow(double t) {
        if (!open) {
            throw new IllegalStateException("window of " + name + " closed before it opened");
        }
        dropStarted(t);
        windowEnd = t;
        closed = true;
        for (double f : freeAt) {
            busyIntegral -= Math.max(0, f - t);
        }
        for (int i = 0; i < pendingSize; i++) {
            waitIntegral -= pendingAt(i) - t;
        }
    }

    /** Time-average fraction of cores busy over the window. */
    public double utilisation() {
        return busyIntegral / (freeAt.length * span());
    }

    /** Time-average number of jobs waiting (not in service) over the window. */
    public double meanQueueLength() {
        return waitIntegral / span();
    }

    public double busyIntegral() {
        return busyIntegral;
    }

    public double waitIntegral() {
        return waitIntegral;
    }

    /** Jobs admitted inside the window. */
    public long jobs() {
        return jobs;
    }

    private double span() {
        if (!closed) {
            throw new IllegalStateException("window of " + name + " is not closed");
        }
        return windowEnd - windowStart;
    }

    private void dropStarted(double now) {
        while (pendingSize > 0 && pending[pendingHead] <= now) {
            pendingHead = (pendingHead + 1) & (pending.length - 1);
            pendingSize--;
        }
    }

    private double pendingAt(int i) {
        return pending[(pendingHead + i) & (pending.length - 1)];
    }

    private void push(double start) {
        if (pendingSize == pending.length) {
            double[] bigger = new double[Math.max(4, pending.length * 2)];
            for (int i = 0; i < pendingSize; i++) {
                bigger[i] = pendingAt(i);
            }
            pending = bigger;
            pendingHead = 0;
        }
        pending[(pendingHead + pendingSize) & (pending.length - 1)] = start;
        pendingSize++;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(freeAt);
    }
}
