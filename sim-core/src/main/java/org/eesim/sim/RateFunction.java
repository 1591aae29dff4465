package org.eesim.sim;

import java.util.Arrays;

import org.eesim.scenario.BandwidthVariation;
import org.eesim.scenario.Link;

/**
 * One replication's realisation of a link's rate: piecewise constant, {@code rates[i]} from
 * {@code times[i]} to {@code times[i + 1]}. A trace is copied as it is; a Markov-modulated rate is
 * drawn segment by segment from the link's own stream as far as the simulation asks, so the
 * realisation does not depend on how far ahead anyone looked.
 */
final class RateFunction {

    private double[] times;
    private double[] rates;
    private int size;
    private final BandwidthVariation.Markov markov;
    private final SplitMix stream;
    private int state;

    private RateFunction(double[] times, double[] rates, BandwidthVariation.Markov markov, SplitMix stream) {
        this.times = times;
        this.rates = rates;
        this.size = times.length;
        this.markov = markov;
        this.stream = stream;
    }

    /** The link's rate function, or {@code null} when its rate is constant. */
    static RateFunction of(Link link, SplitMix stream) {
        if (link == null || link.variation() == null) {
            return null;
        }
        if (link.variation() instanceof BandwidthVariation.Trace t) {
            return new RateFunction(t.timesSeconds(), t.ratesBps(), null, null);
        }
        BandwidthVariation.Markov m = (BandwidthVariation.Markov) link.variation();
        RateFunction f = new RateFunction(new double[16], new double[16], m, stream);
        f.size = 1;
        f.times[0] = 0;
        f.rates[0] = m.ratesBps()[0];
        return f;
    }

    double rateAt(double t) {
        int i = segment(t); // first: segment may grow (replace) the arrays
        return rates[i];
    }

    /**
     * When a transmission of {@code bits} that starts at {@code start} ends: the time e with
     * integral from start to e of rate(t) dt = bits, walked segment by segment (exact up to
     * rounding).
     */
    double finish(double start, double bits) {
        int i = segment(start);
        double t = start;
        double left = bits;
        while (true) {
            double end = next(i);
            double capacity = (end - t) * rates[i];
            if (left <= capacity) {
                return t + left / rates[i];
            }
            left -= capacity;
            t = end;
            i++;
        }
    }

    /** Start of segment i + 1 (infinite after a trace's last row), drawing Markov segments as needed. */
    private double next(int i) {
        if (i + 1 < size) {
            return times[i + 1];
        }
        if (markov == null) {
            return Double.POSITIVE_INFINITY;
        }
        extend();
        return times[i + 1];
    }

    /** Index of the segment holding time t. */
    private int segment(double t) {
        while (markov != null && times[size - 1] <= t) {
            extend();
        }
        int i = Arrays.binarySearch(times, 0, size, t);
        return i >= 0 ? i : -i - 2;
    }

    private void extend() {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            rates = Arrays.copyOf(rates, size * 2);
        }
        double hold = stream.nextExponential(markov.meanHoldingSeconds()[state]);
        int k = markov.ratesBps().length;
        int move = stream.nextInt(k - 1);
        state = move >= state ? move + 1 : move;
        times[size] = times[size - 1] + hold;
        rates[size] = markov.ratesBps()[state];
        size++;
    }
}
