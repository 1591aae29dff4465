package org.eesim.sim;

/**
 * The open arrival processes of all devices as one event source: each device's next birth time
 * in a 4-ary heap of primitives, of which only the earliest is an event on the simulator's list.
 * With one pending event per device the event list held as many events as there are devices,
 * and its cost per request grew with them (2.6x from 10 to 10,000 devices at the same load);
 * this heap is a few contiguous arrays. Each device keeps its own arrival stream, so the times,
 * and the numbers, are those of one event per device. Ties (measure zero for these
 * processes) go to the lower device.
 */
final class Arrivals {

    private final double[] time;
    private final int[] device;
    private int size;
    /**
     * Each device's arrival stream (Streams' {@code arrivals/<d>/0}) as its SplitMix state, in one
     * array rather than an object per device: the same draws, one cache line fewer per request.
     */
    private final long[] rng;

    Arrivals(Streams streams, int devices) {
        this.time = new double[devices];
        this.device = new int[devices];
        this.rng = new long[devices];
        for (int d = 0; d < devices; d++) {
            rng[d] = streams.arrivals(d, 0).state();
        }
    }

    /** Device {@code d}'s next uniform in [0, 1), as its SplitMix would draw it. */
    double nextDouble(int d) {
        rng[d] = SplitMix.step(rng[d]);
        return SplitMix.nextDouble(rng[d]);
    }

    /** Device {@code d}'s next exponential of mean {@code mean}, as SplitMix.nextExponential draws it. */
    double nextExponential(int d, double mean) {
        return -mean * Math.log1p(-nextDouble(d));
    }

    /** Children per node: a level's keys then sit in one or two cache lines, and there are half as many levels. */
    private static final int WAYS = 4;

    void add(int d, double t) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / WAYS;
            if (!before(t, d, time[parent], device[parent])) {
                break;
            }
            time[i] = time[parent];
            device[i] = device[parent];
            i = parent;
        }
        time[i] = t;
        device[i] = d;
    }

    double firstTime() {
        return time[0];
    }

    /** The device whose arrival is the earliest. */
    int firstDevice() {
        return device[0];
    }

    /**
     * The earliest device's next arrival is now at {@code t}: one sift from the top, instead of a
     * removal and an insertion (the device's next birth always replaces the one just taken).
     */
    void replaceFirst(double t) {
        siftDown(0, t, device[0]);
    }

    private void siftDown(int from, double t, int d) {
        int i = from;
        while (true) {
            int first = WAYS * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int last = Math.min(size, first + WAYS);
            for (int c = first + 1; c < last; c++) {
                if (before(time[c], device[c], time[best], device[best])) {
                    best = c;
                }
            }
            if (!before(time[best], device[best], t, d)) {
                break;
            }
            time[i] = time[best];
            device[i] = device[best];
            i = best;
        }
        time[i] = t;
        device[i] = d;
    }

    private static boolean before(double t1, int d1, double t2, int d2) {
        return t1 < t2 || t1 == t2 && d1 < d2;
    }
}
