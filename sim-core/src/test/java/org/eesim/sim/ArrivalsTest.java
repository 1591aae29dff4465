package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;

import org.junit.jupiter.api.Test;

/**
 * The calendar queue of device arrivals against a reference priority queue ordered by (time,
 * device): the same devices in the same order, for bucket widths far too small and far too large
 * (the width may change only the speed), with ties, and with births far beyond a lap of the calendar.
 */
class ArrivalsTest {

    /** One device's pending birth in the reference queue. */
    private record Pending(double time, int device) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Integer.compare(device, o.device);
        }
    }

    @Test
    void poissonArrivalsInTheOrderOfAHeap() {
        for (int devices : new int[] {1, 2, 3, 10, 1000}) {
            for (double widthFactor : new double[] {1e-3, 1, 1e3}) {
                replay(devices, widthFactor, false);
            }
        }
    }

    @Test
    void tiesGoToTheLowerDevice() {
        for (double widthFactor : new double[] {1e-3, 1, 1e3}) {
            replay(50, widthFactor, true);
        }
    }

    /**
     * Every device's births at rate 1/s, the calendar's width {@code widthFactor} times the mean
     * gap; with {@code ties}, times rounded to 1/8 s so that many coincide.
     */
    private static void replay(int devices, double widthFactor, boolean ties) {
        Streams streams = new Streams(7, devices, 1, false, false, false);
        Arrivals a = new Arrivals(streams, devices, widthFactor / devices);
        SplitMix ref = new SplitMix(99);
        PriorityQueue<Pending> expected = new PriorityQueue<>();
        for (int d = 0; d < devices; d++) {
            double t = draw(ref, ties, 0);
            a.add(d, t);
            expected.add(new Pending(t, d));
        }
        for (int i = 0; i < 20_000; i++) {
            Pending e = expected.poll();
            assertEquals(e.device(), a.firstDevice(), "birth " + i + " of " + devices + " devices, width x" + widthFactor);
            assertEquals(e.time(), a.firstTime());
            // now and then a birth far in the future: beyond a whole lap of the calendar
            double t = i % 997 == 0 ? e.time() + 1e4 * devices : draw(ref, ties, e.time());
            a.replaceFirst(t);
            expected.add(new Pending(t, e.device()));
        }
    }

    private static double draw(SplitMix s, boolean ties, double now) {
        double t = now + s.nextExponential(1.0);
        return ties ? Math.ceil(t * 8) / 8 : t;
    }
}
