package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.BandwidthVariation;
import org.eesim.scenario.Link;
import org.eesim.scenario.Placement;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Transfers over a link whose rate changes, against hand computation. The trace: 1 Mbps from 0 s,
 * 4 Mbps from 1 s, 0.5 Mbps from 3 s, 2 Mbps from 10 s.
 */
class RateFunctionTest {

    static final BandwidthVariation.Trace TRACE = new BandwidthVariation.Trace(Path.of("trace.csv"),
            new double[] {0, 1, 3, 10}, new double[] {1e6, 4e6, 0.5e6, 2e6});

    static RateFunction trace() {
        return RateFunction.of(new Link(1e6, 0, true, 0, TRACE), null);
    }

    @Test
    void transferTimesIntegrateTheRate() {
        RateFunction f = trace();
        // 2 Mbit from 0.5 s: 0.5 Mbit by 1 s, then 1.5 Mbit at 4 Mbps = 0.375 s
        assertEquals(1.375, f.finish(0.5, 2e6), 1e-12);
        // from 2.5 s: 0.5 s at 4 Mbps is exactly 2 Mbit, ending on the step
        assertEquals(3.0, f.finish(2.5, 2e6), 1e-12);
        // from 2.9 s: 0.4 Mbit by 3 s, 1.6 Mbit at 0.5 Mbps = 3.2 s
        assertEquals(6.2, f.finish(2.9, 2e6), 1e-12);
        // across three steps: from 0.5 s, 10 Mbit: 0.5 + 8 + 3.5 = 12 Mbit by 10 s is more than
        // enough: 0.5 by 1 s, 8 by 3 s (8.5), then 1.5 Mbit at 0.5 Mbps = 3 s
        assertEquals(6.0, f.finish(0.5, 10e6), 1e-12);
        // after the last row the last rate holds
        assertEquals(11.0, f.finish(10.5, 1e6), 1e-12);
        assertEquals(0.5e6, f.rateAt(3.0));
        assertEquals(4e6, f.rateAt(2.999));
    }

    @Test
    void aStationSerialisesTransfersFifoAtTheChangingRate() {
        RateFunction f = trace();
        Stations s = new Stations("uplink", 1, 1);
        assertEquals(1.375, s.admitBits(0, 0.5, f, 2e6), 1e-12);
        // the second waits for the first, then 2 Mbit at 4 Mbps
        assertEquals(1.875, s.admitBits(0, 0.6, f, 2e6), 1e-12);
    }

    /**
     * Two states alternating (1 Mbps for 2 s, 9 Mbps for 1 s on average): over 20,000 cycles the
     * link carries (1 * 2 + 9 * 1) / 3 = 11/3 Mbps on average. The fraction of time in a state
     * over n cycles has a relative spread of about 1/sqrt(n) = 0.7%; 3% is over four of those.
     */
    @Test
    void markovModulatedRateAveragesToItsStationaryMean() {
        Link link = new Link(1e6, 0, true, 0, new BandwidthVariation.Markov(new double[] {1e6, 9e6},
                new double[] {2, 1}));
        RateFunction f = RateFunction.of(link, new SplitMix(11));
        double horizon = 60_000;
        double end = f.finish(0, 11e6 / 3 * horizon);
        assertEquals(horizon, end, 0.03 * horizon);
        RateFunction again = RateFunction.of(link, new SplitMix(11));
        assertEquals(end, again.finish(0, 11e6 / 3 * horizon), 0.0, "same stream, same realisation");
    }

    /** Asking far ahead grows the drawn segments past their first arrays; the answer stays a state's rate. */
    @Test
    void markovRateFarAhead() {
        Link link = new Link(1e6, 0, true, 0, new BandwidthVariation.Markov(new double[] {1e6, 9e6},
                new double[] {1, 1}));
        RateFunction f = RateFunction.of(link, new SplitMix(3));
        for (double t = 0; t < 5_000; t += 7.3) {
            double r = f.rateAt(t);
            assertEquals(true, r == 1e6 || r == 9e6, "rate " + r + " at " + t);
        }
    }

    /**
     * One user in a closed loop (think 1.635 s), cloud only: the input (250,000 B = 2 Mbit) crosses
     * the traced uplink (delay 5 ms), then 10 ms in the cloud. By hand: born 0, sent by 1.25,
     * done 1.265; born 2.9, sent by 6.2, done 6.215; born 7.85, 1.075 Mbit by 10 s and 0.925 Mbit at
     * 2 Mbps, sent by 10.4625, done 10.4775. Latencies 1.265, 3.315, 2.6275.
     */
    @Test
    void requestsCrossATracedLinkAtTheHandComputedTimes() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.010, 250_000));
        b.cloud = new TierSpec(1, 1, 1);
        b.uplink = new Link(1e6, 0.005, true, 0, TRACE);
        b.placement = new Placement(0, 0);
        b.arrival = new Arrival.Closed(1, 1.635, false);
        b.time = ServiceTimeModel.MEAN;
        b.run = new RunControl(new RunControl.Span.Requests(3), new RunControl.Span.Requests(0), 1, 1);
        Map<String, Double> m = ReplicationRunner.run(b.build(), 0).metrics();
        assertEquals((1.265 + 3.315 + 2.6275) / 3, m.get("latency.mean"), 1e-12);
        assertEquals(3.315, m.get("latency.max"), 3.315e-3);
    }

    /**
     * Jitter 4 ms on a 10 ms delay: each request's delay is uniform in [6, 14] ms, so the mean
     * latency stays the constant-link value (within the 99.9% interval of 10 replications) and
     * every latency lies within 4 ms of it.
     */
    @Test
    void jitterKeepsTheMeanDelayAndBoundsTheSpread() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.010, 1_000));
        b.cloud = new TierSpec(1, 1, 1);
        b.uplink = new Link(8e6, 0.010, true, 0.004, null);
        b.placement = new Placement(0, 0);
        b.arrival = new Arrival.Deterministic(1);
        b.time = ServiceTimeModel.MEAN;
        b.run = Fixtures.requests(2_000, 0, 10, 3);
        double base = 0.001 + 0.010 + 0.010;
        Map<String, Summary> s = Fixtures.summarise(b.build(), 0.999);
        assertEquals(true, s.get("latency.mean").contains(base), s.get("latency.mean").toString());
        assertEquals(base + 0.004, s.get("latency.max").mean(), 0.0003);
        assertEquals(true, s.get("latency.max").mean() <= (base + 0.004) * 1.001);
    }
}
