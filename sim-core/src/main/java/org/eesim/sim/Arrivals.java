package org.eesim.sim;

import java.util.Arrays;

/**
 * The open arrival processes of all devices as one event source: each device's next birth time,
 * of which only the earliest is an event on the simulator's list. With one pending event per
 * device the event list held as many events as there are devices, and its cost per request grew
 * with them. Each device keeps its own arrival stream, so the times, and the numbers, are those
 * of one event per device. Ties (measure zero for these processes) go to the lower device.
 *
 * <p>The times are kept in a calendar queue (Brown 1988): bucket k of the calendar holds the
 * devices whose next birth falls in [k w, (k+1) w), w the mean gap between two births of all
 * devices, and the buckets wrap around every B w seconds (B a power of two, at least the number
 * of devices). The earliest birth is the earliest in the first bucket that holds one of the
 * current lap, so taking it and filing the device's next birth costs a few entries whatever
 * the number of devices, where a heap's sift went through log(devices) levels (2.7x the cost
 * per birth from 10 to 10,000 devices). The order is exact: a bucket's number is a monotone
 * function of the time, and within a bucket the times (then the devices) are compared.
 *
 * <p>Everything is in arrays indexed by device or bucket, no object per device; what a device
 * has (its next birth, its arrival stream's state, the next device in its bucket) is one record
 * of three longs, so that looking at a device costs one cache line rather than three: at 10,000
 * devices a request reaches a device whose data has long left the core's caches.
 */
final class Arrivals {

    /**
     * Device d's record from d * 3: its next birth (the double's bits), its arrival stream
     * (Streams' {@code arrivals/<d>/0}) as a SplitMix state (the same draws as that generator's),
     * and the next device filed in the same bucket (-1: none).
     */
    private final long[] record;
    private static final int TIME = 0;
    private static final int RNG = 1;
    private static final int NEXT = 2;
    private final int devices;
    /** By bucket (its number modulo B): the first device filed in it, -1 for none. */
    private final int[] head;
    private final int mask;
    /** 1 / w: buckets per second. */
    private final double perSecond;
    /** The earliest device, and its bucket number (not wrapped); -1 before the first add. */
    private int first = -1;
    private long firstBucket;

    /**
     * Arrivals of {@code devices} devices whose births are {@code meanGap} seconds apart on average,
     * all devices together (1 / (devices x rate)): the calendar's bucket width, which sets the
     * speed, never the order.
     */
    Arrivals(Streams streams, int devices, double meanGap) {
        if (!(meanGap > 0) || Double.isInfinite(meanGap)) {
            throw new IllegalArgumentException("mean gap between births must be positive and finite, not " + meanGap);
        }
        this.devices = devices;
        this.record = new long[3 * devices];
        int buckets = Integer.highestOneBit(Math.max(1, devices - 1)) << 1;
        this.head = new int[buckets];
        Arrays.fill(head, -1);
        this.mask = buckets - 1;
        this.perSecond = 1 / meanGap;
        for (int d = 0; d < devices; d++) {
            record[3 * d + RNG] = streams.arrivalSeed(d, 0);
        }
    }

    /** Device {@code d}'s next uniform in [0, 1), as its SplitMix would draw it. */
    double nextDouble(int d) {
        long state = SplitMix.step(record[3 * d + RNG]);
        record[3 * d + RNG] = state;
        return SplitMix.nextDouble(state);
    }

    /** Device {@code d}'s next exponential of mean {@code mean}, as SplitMix.nextExponential draws it. */
    double nextExponential(int d, double mean) {
        return -mean * Math.log1p(-nextDouble(d));
    }

    /** Device {@code d}'s first birth is at {@code t} (every device is added once, before the first is taken). */
    void add(int d, double t) {
        file(d, t);
        if (first < 0 || before(t, d, time(first), first)) {
            first = d;
            firstBucket = bucket(t);
        }
    }

    double firstTime() {
        return time(first);
    }

    /** The device whose arrival is the earliest. */
    int firstDevice() {
        return first;
    }

    /** The earliest device's next arrival is now at {@code t}, no earlier than its last. */
    void replaceFirst(double t) {
        int d = first;
        unfile(d, (int) firstBucket & mask);
        file(d, t);
        locateFirst();
    }

    /** The bucket number of time {@code t}: non-decreasing in t (t >= 0). */
    private long bucket(double t) {
        return (long) (t * perSecond);
    }

    private double time(int d) {
        return Double.longBitsToDouble(record[3 * d + TIME]);
    }

    private int next(int d) {
        return (int) record[3 * d + NEXT];
    }

    private void file(int d, double t) {
        record[3 * d + TIME] = Double.doubleToRawLongBits(t);
        int b = (int) bucket(t) & mask;
        record[3 * d + NEXT] = head[b];
        head[b] = d;
    }

    private void unfile(int d, int b) {
        int e = head[b];
        if (e == d) {
            head[b] = next(d);
            return;
        }
        while (next(e) != d) {
            e = next(e);
        }
        record[3 * e + NEXT] = next(d);
    }

    /**
     * Finds the earliest device, from the bucket of the one just taken on: no birth is earlier
     * than that one was. After a whole lap of buckets without a birth of their lap (a long
     * quiet spell), by a search of all devices.
     */
    private void locateFirst() {
        for (long b = firstBucket, end = firstBucket + head.length; b < end; b++) {
            int best = -1;
            for (int d = head[(int) b & mask]; d >= 0; d = next(d)) {
                double t = time(d);
                if (bucket(t) == b && (best < 0 || before(t, d, time(best), best))) {
                    best = d;
                }
            }
            if (best >= 0) {
                first = best;
                firstBucket = b;
                return;
            }
        }
        int best = 0;
        for (int d = 1; d < devices; d++) {
            if (before(time(d), d, time(best), best)) {
                best = d;
            }
        }
        first = best;
        firstBucket = bucket(time(best));
    }

    private static boolean before(double t1, int d1, double t2, int d2) {
        return t1 < t2 || t1 == t2 && d1 < d2;
    }
}
