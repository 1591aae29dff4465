package org.eesim.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistortionsTest {

    /**
     * σ = 1 by hand: e^0 = 1, e^-1/2 = 0.60653, e^-2 = 0.13534, sum 2.48373; OpenCV's
     * getGaussianKernel(5, 1) documents the same formula (0.0545, 0.2442, 0.4026, 0.2442, 0.0545).
     */
    @Test
    void sigmaOneKernelByHand() {
        double[] hand = {0.0544887, 0.2442013, 0.4026199, 0.2442013, 0.0544887};
        assertArrayEquals(hand, Distortions.gaussianKernel(1), 1e-7);
    }

    @Test
    void kernelSizesAndWeightsFollowTheGaussianFormula() {
        for (int sigma = 1; sigma <= 5; sigma++) {
            double[] w = Distortions.gaussianKernel(sigma);
            assertEquals(4 * sigma + 1, w.length, "kernel size 4σ+1 for σ=" + sigma);
            int half = 2 * sigma;
            double norm = 0;
            for (int x = -half; x <= half; x++) {
                norm += Math.exp(-x * x / (2.0 * sigma * sigma));
            }
            for (int x = -half; x <= half; x++) {
                assertEquals(Math.exp(-x * x / (2.0 * sigma * sigma)) / norm, w[x + half], 1e-15);
            }
        }
    }

    /** A lone bright pixel far from the border spreads into the outer product of the 1-D kernel. */
    @Test
    void blurOfAnImpulseIsTheOuterProductOfTheKernel() {
        int n = 28;
        float[] img = new float[n * n];
        img[14 * n + 14] = 1f;
        double[] k = Distortions.gaussianKernel(2);
        float[] out = Distortions.blur(img, n, n, 2);
        for (int dr = -4; dr <= 4; dr++) {
            for (int dc = -4; dc <= 4; dc++) {
                assertEquals(k[dr + 4] * k[dc + 4], out[(14 + dr) * n + 14 + dc], 1e-6);
            }
        }
        assertEquals(0f, out[0], 0f);
    }

    @Test
    void blurKeepsAConstantImageAndReflectsWithoutRepeatingTheEdge() {
        float[] flat = new float[28 * 28];
        java.util.Arrays.fill(flat, 0.25f);
        float[] out = Distortions.blur(flat, 28, 28, 5);
        for (float v : out) {
            assertEquals(0.25f, v, 1e-6f);
        }
        // BORDER_REFLECT_101 on 0..4: -2 -> 2, -1 -> 1, 5 -> 3, 6 -> 2
        assertEquals(2, Distortions.reflect101(-2, 5));
        assertEquals(1, Distortions.reflect101(-1, 5));
        assertEquals(3, Distortions.reflect101(5, 5));
        assertEquals(2, Distortions.reflect101(6, 5));
    }

    /**
     * Added noise on mid-grey has sd σ/255. n = 200000 pixels: the sample sd's relative standard
     * error is 1/sqrt(2n) = 0.16%, so 1% tolerance is over 6 standard errors. Levels up to 30
     * only: at σ=40 the clip at 0 and 1 is 3.2 sd away and trims the sd by about 1%.
     */
    @Test
    void noiseHasTheStatedStandardDeviation() {
        float[] grey = new float[200_000];
        java.util.Arrays.fill(grey, 0.5f);
        for (int sigma : new int[] {5, 10, 20, 30}) {
            float[] out = Distortions.noise(grey, sigma, new SplittableRandom(42));
            double mean = 0;
            for (float v : out) {
                mean += v;
            }
            mean /= out.length;
            double ss = 0;
            for (float v : out) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (out.length - 1));
            assertEquals(sigma / 255.0, sd, 0.01 * sigma / 255.0, "sd at sigma " + sigma);
            assertEquals(0.5, mean, 6 * sigma / 255.0 / Math.sqrt(out.length), "mean at sigma " + sigma);
        }
    }

    @Test
    void noiseIsClippedToThePixelRangeAndSeeded() {
        float[] black = new float[1000];
        float[] a = Distortions.noise(black, 40, new SplittableRandom(7));
        float[] b = Distortions.noise(black, 40, new SplittableRandom(7));
        assertArrayEquals(a, b);
        for (float v : a) {
            assertEquals(true, v >= 0f && v <= 1f);
        }
    }
}
