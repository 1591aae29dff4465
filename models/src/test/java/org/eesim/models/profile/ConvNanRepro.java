package org.eesim.models.profile;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Minimal reproduction for issue 10 (diagnostic main, not a test): a 3×3, stride-1, pad-1
 * convolution with 8 input and 8 output channels on 14×14 maps (the tiny network's res1 conv),
 * forward and backward through DJL's PyTorch engine, on fixed inputs, compared element by element
 * with a plain Java convolution. With {@code poison}, NaN-filled arrays of many sizes are
 * allocated and freed before each pass, so that memory the engine reuses without initialising
 * holds NaN. Args: {@code [iterations] [batch] [channels] [poison|clean]}.
 */
public final class ConvNanRepro {

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int c = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean poison = args.length <= 3 || args[3].equals("poison");
        int h = Integer.getInteger("hw", 14);
        System.out.println("DNNL_MAX_CPU_ISA=" + System.getenv("DNNL_MAX_CPU_ISA") + " batch " + n + " channels " + c
                + " " + (poison ? "poison" : "clean") + ", " + iterations + " iterations");
        SplittableRandom r = new SplittableRandom(42);
        float[] x = new float[n * c * h * h];
        float[] w = new float[c * c * 9];
        float[] g = new float[n * c * h * h];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            g[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * 0.2);
        }
        double[] yRef = new double[x.length];
        double[] dxRef = new double[x.length];
        double[] dwRef = new double[w.length];
        reference(x, w, g, n, c, h, yRef, dxRef, dwRef);
        int[] bad = new int[3];
        int[] wrong = new int[3];
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        float[] maxErr = new float[3];
        String[] what = {"forward y", "backward_data dx", "backward_weights dw"};
        Engine engine = Engine.getInstance();
        try (NDManager root = NDManager.newBaseManager()) {
            for (int it = 0; it < iterations; it++) {
                try (NDManager m = root.newSubManager()) {
                    if (poison) {
                        poison(m);
                    }
                    NDArray xa = m.create(x, new Shape(n, c, h, h));
                    NDArray wa = m.create(w, new Shape(c, c, 3, 3));
                    NDArray ga = m.create(g, new Shape(n, c, h, h));
                    xa.setRequiresGradient(true);
                    wa.setRequiresGradient(true);
                    float[] y;
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        NDArray ya = Conv2d.conv2d(xa, wa, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
                        y = ya.toFloatArray();
                        gc.backward(ya.mul(ga).sum());
                    }
                    float[][] got = {y, xa.getGradient().toFloatArray(), wa.getGradient().toFloatArray()};
                    distinct.add(java.util.Arrays.hashCode(got[1]));
                    if (it == 0) {
                        describe(got[1], dxRef, n, c, h);
                    }
                    double[][] ref = {yRef, dxRef, dwRef};
                    for (int k = 0; k < 3; k++) {
                        int nonFinite = 0;
                        boolean off = false;
                        for (int i = 0; i < got[k].length; i++) {
                            if (!Float.isFinite(got[k][i])) {
                                nonFinite++;
                            } else {
                                double err = Math.abs(got[k][i] - ref[k][i]);
                                maxErr[k] = (float) Math.max(maxErr[k], err);
                                off |= err > 1e-3 * (1 + Math.abs(ref[k][i]));
                            }
                        }
                        if (off && nonFinite == 0) {
                            wrong[k]++;
                        }
                        if (nonFinite > 0) {
                            bad[k]++;
                            if (bad[k] <= 3) {
                                System.out.println("iteration " + it + ": " + what[k] + " has " + nonFinite
                                        + " non-finite of " + got[k].length + channels(got[k], k, n, c, h));
                            }
                        }
                    }
                }
            }
        }
        System.out.println("distinct dx results over the iterations (same input each time): " + distinct.size());
        for (int k = 0; k < 3; k++) {
            System.out.printf("%s: non-finite in %d of %d iterations, finite but wrong (error > 1e-3 relative) in %d;"
                    + " max |error| of finite values %.2e%n", what[k], bad[k], iterations, wrong[k], maxErr[k]);
        }
    }

    /** Where dx is off in the first pass: per channel, how many elements, and the largest error. */
    static void describe(float[] got, double[] ref, int n, int c, int h) {
        StringBuilder b = new StringBuilder("first pass, dx elements off by > 1e-3 per channel:");
        for (int ch = 0; ch < c; ch++) {
            int off = 0;
            for (int s = 0; s < n; s++) {
                for (int p = 0; p < h * h; p++) {
                    int i = (s * c + ch) * h * h + p;
                    if (!(Math.abs(got[i] - ref[i]) <= 1e-3 * (1 + Math.abs(ref[i])))) {
                        off++;
                    }
                }
            }
            b.append(' ').append(ch).append(':').append(off);
        }
        System.out.println(b);
    }

    /** Which channels hold the non-finite values (of dx: input channels; of dw: input channels too). */
    static String channels(float[] a, int kind, int n, int c, int h) {
        java.util.TreeSet<Integer> ch = new java.util.TreeSet<>();
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                ch.add(kind == 2 ? (i / 9) % c : (i / (h * h)) % c);
            }
        }
        return kind == 2 ? " (input channels " + ch + ")" : " (channels " + ch + ")";
    }

    /** NaN-filled arrays of the sizes a blocked (16-channel padded) layout of these tensors would take, freed again. */
    static long[] POISON_SIZES = sizes(System.getProperty("poison.sizes",
            "2304,1152,4608,1024,2048,4096,50176,25088,200704"));

    static long[] sizes(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
    }

    static void poison(NDManager m) {
        List<NDArray> held = new ArrayList<>();
        try (NDManager p = m.newSubManager()) {
            for (long floats : POISON_SIZES) {
                held.add(p.full(new Shape(floats), Float.NaN));
            }
            for (NDArray a : held) {
                a.toFloatArray();
            }
        }
    }

    public static void reference(float[] x, float[] w, float[] g, int n, int c, int h, double[] y, double[] dx,
            double[] dw) {
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < c; o++) {
                for (int i = 0; i < c; i++) {
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            double wv = w[((o * c + i) * 3 + ky) * 3 + kx];
                            for (int yy = 0; yy < h; yy++) {
                                int sy = yy + ky - 1;
                                if (sy < 0 || sy >= h) {
                                    continue;
                                }
                                for (int xx = 0; xx < h; xx++) {
                                    int sx = xx + kx - 1;
                                    if (sx < 0 || sx >= h) {
                                        continue;
                                    }
                                    int src = ((b * c + i) * h + sy) * h + sx;
                                    int dst = ((b * c + o) * h + yy) * h + xx;
                                    y[dst] += wv * x[src];
                                    dx[src] += wv * g[dst];
                                    dw[((o * c + i) * 3 + ky) * 3 + kx] += x[src] * g[dst];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
