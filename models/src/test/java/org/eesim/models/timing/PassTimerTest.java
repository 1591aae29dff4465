package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PassTimerTest {

    private static PassTimer.Result result(double[] whole, double[] split) {
        return new PassTimer.Result(new double[0][], new double[0][], whole, split, new long[0][], new int[0],
                new int[0], Map.of(), new double[0], new double[0], new double[0], new double[0], 0, 0);
    }

    /** Medians 10 and 12 ms: 20% apart, refused; 10 and 10.9: 9%, kept. */
    @Test
    void splitAndWholePassesMustAgree() {
        double[] whole = {0.010, 0.010, 0.010, 0.011, 0.009};
        assertEquals("split pass median 12.000 ms vs whole pass 10.000 ms: 20.0% apart > 10%",
                result(whole, new double[] {0.012, 0.012, 0.012, 0.013, 0.011}).disagreement());
        assertNull(result(whole, new double[] {0.0109, 0.0109, 0.0109, 0.012, 0.010}).disagreement());
    }
}
