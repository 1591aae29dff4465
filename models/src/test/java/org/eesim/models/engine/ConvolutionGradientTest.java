package org.eesim.models.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.eesim.models.profile.ConvNanRepro;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's root cause as a test: the input gradient of the tiny network's 8-channel 3x3
 * convolution (batch 16, 14x14) from PyTorch equals a plain Java convolution. Without the AVX2
 * cap, on an AVX-512 CPU, it was wrong in 397 of 400 passes and NaN in the other 3.
 */
class ConvolutionGradientTest {

    @Test
    void inputGradientOfAnEightChannelConvolutionIsRight() {
        int n = 16;
        int c = 8;
        int h = 14;
        SplittableRandom r = new SplittableRandom(42);
        float[] x = new float[n * c * h * h];
        float[] g = new float[x.length];
        float[] w = new float[c * c * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            g[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * 0.2);
        }
        double[] y = new double[x.length];
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        ConvNanRepro.reference(x, w, g, n, c, h, y, dx, dw);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int pass = 0; pass < 10; pass++) {
                try (NDManager sub = m.newSubManager()) {
                    NDArray xa = sub.create(x, new Shape(n, c, h, h));
                    NDArray wa = sub.create(w, new Shape(c, c, 3, 3));
                    xa.setRequiresGradient(true);
                    wa.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = Conv2d.conv2d(xa, wa, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
                        gc.backward(out.mul(sub.create(g, new Shape(n, c, h, h))).sum());
                    }
                    float[] got = xa.getGradient().toFloatArray();
                    double worst = 0;
                    for (int i = 0; i < got.length; i++) {
                        double err = Math.abs(got[i] - dx[i]);
                        worst = Double.isNaN(err) ? Double.NaN : Math.max(worst, err);
                        if (Double.isNaN(worst)) {
                            break;
                        }
                    }
                    assertTrue(worst < 1e-4, "pass " + pass + ": largest input-gradient error " + worst
                            + " (" + EngineEnvironment.settings() + ")");
                }
            }
        }
    }
}
