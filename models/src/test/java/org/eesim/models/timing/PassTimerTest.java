package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PassTimerTest {

    private static PassTimer.Result result(double[] whole, double[] split) {
        return result(whole, split, new double[] {1}, new double[] {1});
    }

    private static PassTimer.Result result(double[] whole, double[] split, double[] before, double[] after) {
        return new PassTimer.Result(new double[0][], new double[0][], whole, split, new long[0][], new int[0],
                new int[0], Map.of(), new double[0], new double[0], before, after, 0, 0);
    }

    /** The reference convolution: 2.3 then 2.4 ms is steady; 2.3 then 2.8 changed; 3.0 is over a 2.7 ms bound. */
    @Test
    void theReferenceConvolutionShowsASlowMachine() {
        double[] w = {0.01, 0.01, 0.01, 0.01};
        assertNull(result(w, w, new double[] {0.0023}, new double[] {0.0024}).slowMachine(0.0027, 0.1));
        assertEquals("reference convolution 2.300 ms before, 2.800 ms after: the machine changed speed",
                result(w, w, new double[] {0.0023}, new double[] {0.0028}).slowMachine(0, 0.1));
        assertEquals("reference convolution 3.050 ms > 2.700 ms: the machine is slower than usual",
                result(w, w, new double[] {0.0030}, new double[] {0.00305}).slowMachine(0.0027, 0.1));
        assertNull(result(w, w, new double[] {0.0030}, new double[] {0.00305}).slowMachine(0, 0.1));
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
