package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;

import org.eesim.training.Pipeline;
import org.eesim.training.TrainingProfile;
import org.junit.jupiter.api.Test;

/**
 * The simulated pipeline against seed 004's closed form: with constant stage times T and a
 * staleness bound K, r iterations take (r-1) T* + T0 + (ceil(r/(K+1)) - 1) max(0, T0 - (K+1) T*).
 * The simulation is an event-by-event model of four FIFO stations and the admission rule; the
 * closed form knows neither, so agreement to rounding on random cases checks both.
 */
class TrainingPipelineOracleTest {

    /** Relative agreement: the event times are sums of up to a few hundred stage times. */
    static final double TOLERANCE = 1e-9;

    @Test
    void simulatedTimeEqualsTheClosedFormOnRandomPipelines() {
        Random rnd = new Random(20260413);
        long bytes = 1_000_000;
        for (int c = 0; c < 400; c++) {
            double[] t = new double[4];
            for (int j = 0; j < 4; j++) {
                // sometimes one stage dominates, sometimes they are alike: both branches of the max
                t[j] = rnd.nextInt(4) == 0 ? 0.001 + rnd.nextDouble() * 0.01 : 0.05 + rnd.nextDouble();
            }
            int k = rnd.nextInt(7);
            int r = 1 + rnd.nextInt(60);
            Map<String, Double> m = simulate(t, k, r, bytes);
            double expected = Pipeline.seconds(t, k, r);
            assertEquals(expected, m.get("training.seconds"), TOLERANCE * expected,
                    "T = " + java.util.Arrays.toString(t) + ", K = " + k + ", r = " + r);
            assertEquals(r, m.get("training.iterations"));
        }
    }

    @Test
    void serialScheduleIsRTimesTheSumOfTheStages() {
        Random rnd = new Random(7);
        for (int c = 0; c < 50; c++) {
            double[] t = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            int r = 1 + rnd.nextInt(40);
            double sum = t[0] + t[1] + t[2] + t[3];
            Map<String, Double> m = simulate(t, 0, r, 123_457);
            assertEquals(r * sum, m.get("training.seconds"), TOLERANCE * r * sum);
            assertEquals(0.0, m.get("training.staleness.max"), "K = 0: every gradient is applied before the next forward");
        }
    }

    /**
     * With K large enough that T0 <= (K+1) T*, the pipeline runs at the slowest stage's pace and
     * the staleness settles at K: the first iterations see less, as the pipeline fills.
     */
    @Test
    void aDeepEnoughPipelineRunsAtTheBottleneckAndIsKStale() {
        double[] t = {0.1, 0.3, 0.2, 0.25};
        int k = 3; // T0 = 0.85 <= 4 * 0.3
        Map<String, Double> m = simulate(t, k, 100, 1_000_000);
        assertEquals(99 * 0.3 + 0.85, m.get("training.seconds"), 1e-9);
        assertEquals(1.0, m.get("util.uplink"), 0.03, "the bottleneck is busy all but the fill");
        assertEquals(3.0, m.get("training.staleness.max"));
        assertEquals(1 - 3.0 / 100, m.get("training.staleness.3"), 1e-12,
                "all but the three iterations that finish after the last forward are 3 stale");
    }

    static Map<String, Double> simulate(double[] t, int k, int r, long bytes) {
        TrainingProfile p = TrainingFixtures.oneSplit(t, bytes, Double.NaN);
        double[] bps = TrainingFixtures.rates(t, bytes);
        return TrainingFixtures.run(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0), k, r, bps[0], bps[1],
                Integer.MAX_VALUE, false));
    }
}
