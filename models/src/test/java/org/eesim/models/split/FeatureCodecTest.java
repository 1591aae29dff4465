package org.eesim.models.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureCodecTest {

    @Test
    void int8ErrorIsAtMostHalfAStepAndTheEndsAreExact() {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 3 + 1);
        }
        FeatureCodec.Int8 q = FeatureCodec.encode(x);
        float[] back = FeatureCodec.decode(q);
        double worst = 0;
        int lowest = 0;
        int highest = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(back[i] - x[i]));
            lowest += q.codes()[i] == -128 ? 1 : 0;
            highest += q.codes()[i] == 127 ? 1 : 0;
        }
        // half a step, plus float rounding of (q + 128)·s + min at |x| up to ~15
        assertTrue(worst <= q.scale() / 2 + 1e-5, "max error " + worst + " vs half step " + q.scale() / 2);
        assertTrue(lowest >= 1 && highest >= 1, "the range's ends map to the end codes");
        assertArrayEquals(back, FeatureCodec.INT8.roundTrip(x));
        assertEquals(x.length + 8, FeatureCodec.INT8.wireBytes(x.length));
        assertEquals(4L * x.length, FeatureCodec.FP32.wireBytes(x.length));
    }

    @Test
    void int8ByHand() {
        // range 0..2.55: step 0.01, so 1.0 is code 100 − 128 = −28 and 1.004 rounds to the same
        float[] x = {0f, 2.55f, 1.0f, 1.004f, 1.006f};
        FeatureCodec.Int8 q = FeatureCodec.encode(x);
        assertEquals(0.01f, q.scale(), 1e-7);
        assertArrayEquals(new byte[] {-128, 127, -28, -28, -27}, q.codes());
        assertArrayEquals(new float[] {0f, 2.55f, 1.0f, 1.0f, 1.01f}, FeatureCodec.decode(q), 1e-6f);
    }

    @Test
    void aConstantTensorIsSentExactly() {
        float[] x = {0.7f, 0.7f, 0.7f};
        assertArrayEquals(x, FeatureCodec.INT8.roundTrip(x));
        assertArrayEquals(x, FeatureCodec.INT8_SEED.roundTrip(x));
    }

    @Test
    void theSeedsQuantiserClipsReluFeaturesAtHalfTheirMaximum() {
        // min 0, max 10: scale 10/256, zero point int(0) = 0; codes round(x·25.6) clipped to 127,
        // so everything above 127/25.6 = 4.96 comes back as 4.96
        float[] x = {0f, 1f, 4f, 5f, 10f};
        float s = 10f / 256;
        float[] expected = {0f, 26 * s, 102 * s, 127 * s, 127 * s};
        assertArrayEquals(expected, FeatureCodec.INT8_SEED.roundTrip(x), 1e-6f);
        // a negative minimum: zero point int(-2.7) = -2 in code units, range -2.7..5.3, scale 8/256
        float[] y = {-2.7f, 0f, 5.3f};
        float t = 8f / 256;
        long q0 = Math.max(-128, Math.round(Math.rint(-2.7f / t)) - 2);
        float[] expectedY = {(q0 + 2) * t, 0f, (127 + 2) * t};
        assertArrayEquals(expectedY, FeatureCodec.INT8_SEED.roundTrip(y), 1e-6f);
    }

    @Test
    void parsesItsLabels() {
        for (FeatureCodec c : FeatureCodec.values()) {
            assertEquals(c, FeatureCodec.parse(c.label()));
        }
        for (Feedback f : Feedback.values()) {
            assertEquals(f, Feedback.parse(f.label()));
        }
        assertThrows(IllegalArgumentException.class, () -> FeatureCodec.parse("int4"));
        assertThrows(IllegalArgumentException.class, () -> new SplitTrainer.Settings(1, FeatureCodec.FP32,
                Feedback.RESIDUAL));
        assertThrows(IllegalArgumentException.class, () -> new SplitTrainer.Settings(-1, FeatureCodec.FP32,
                Feedback.NONE));
    }
}
