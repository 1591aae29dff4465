package org.eesim.scenario;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * How a link's rate changes with simulated time; a link without one keeps its nominal rate.
 * The rate is piecewise constant, and a transmission in progress slows down or speeds up with it.
 */
public sealed interface BandwidthVariation {

    /**
     * Rates from a file of (time, rate) rows: {@code ratesBps[i]} holds from {@code timesSeconds[i]}
     * to the next time; the last rate holds for ever. Times start at 0 and increase.
     */
    record Trace(Path file, double[] timesSeconds, double[] ratesBps) implements BandwidthVariation {
        public Trace {
            if (timesSeconds.length == 0 || timesSeconds.length != ratesBps.length) {
                throw new IllegalArgumentException("a bandwidth trace needs as many times as rates, at least one");
            }
            if (timesSeconds[0] != 0) {
                throw new IllegalArgumentException("a bandwidth trace starts at time 0, got " + timesSeconds[0]);
            }
            for (int i = 0; i < ratesBps.length; i++) {
                if (i > 0 && !(timesSeconds[i] > timesSeconds[i - 1])) {
                    throw new IllegalArgumentException("trace times must increase");
                }
                positive(ratesBps[i]);
            }
            timesSeconds = timesSeconds.clone();
            ratesBps = ratesBps.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trace t && t.file.equals(file) && Arrays.equals(t.timesSeconds, timesSeconds)
                    && Arrays.equals(t.ratesBps, ratesBps);
        }

        @Override
        public int hashCode() {
            return file.hashCode() * 31 + Arrays.hashCode(ratesBps);
        }

        @Override
        public String toString() {
            return "Trace[" + file + ", " + ratesBps.length + " rows]";
        }
    }

    /**
     * A Markov-modulated rate: state i has rate {@code ratesBps[i]} and an exponential holding time
     * of mean {@code meanHoldingSeconds[i]}, after which the link moves to one of the other states,
     * each as likely; a replication starts in state 0. Holding times and moves are drawn from the
     * link's own random stream.
     */
    record Markov(double[] ratesBps, double[] meanHoldingSeconds) implements BandwidthVariation {
        public Markov {
            if (ratesBps.length < 2 || ratesBps.length != meanHoldingSeconds.length) {
                throw new IllegalArgumentException("a Markov-modulated link needs at least two states");
            }
            for (int i = 0; i < ratesBps.length; i++) {
                positive(ratesBps[i]);
                positive(meanHoldingSeconds[i]);
            }
            ratesBps = ratesBps.clone();
            meanHoldingSeconds = meanHoldingSeconds.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Markov m && Arrays.equals(m.ratesBps, ratesBps)
                    && Arrays.equals(m.meanHoldingSeconds, meanHoldingSeconds);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ratesBps) * 31 + Arrays.hashCode(meanHoldingSeconds);
        }

        @Override
        public String toString() {
            return "Markov[" + Arrays.toString(ratesBps) + ", " + Arrays.toString(meanHoldingSeconds) + "]";
        }
    }

    private static void positive(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be positive and finite, got " + v);
        }
    }
}
