package org.eesim.models.data;

import java.util.SplittableRandom;

/**
 * The seeds' image distortions (distortion_robust_dnns_with_early_exit, seed 001), on images in
 * [0, 1]. Blur as OpenCV's {@code GaussianBlur(img, (4σ+1, 4σ+1), σ)}: separable, weights
 * exp(-x²/2σ²) normalised to sum 1, border reflected without repeating the edge pixel
 * (BORDER_REFLECT_101, OpenCV's default). Noise as NumPy's {@code img + normal(0, σ)} in 0..255
 * pixel units, clipped back to the pixel range.
 */
public final class Distortions {

    /** The seeds' blur levels σ (pixels). */
    public static final int[] BLUR_SIGMAS = {1, 2, 3, 4, 5};
    /** The seeds' noise levels σ in 0..255 pixel units (reference README, dr_result*noise*). */
    public static final int[] NOISE_SIGMAS = {5, 10, 20, 30, 40};

    private Distortions() {
    }

    public static int kernelSize(double sigma) {
        return 4 * (int) Math.round(sigma) + 1;
    }

    /** Normalised 1-D Gaussian weights of length {@link #kernelSize}, centre in the middle. */
    public static double[] gaussianKernel(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("blur sigma must be > 0, got " + sigma);
        }
        int size = kernelSize(sigma);
        int half = size / 2;
        double[] w = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            int x = i - half;
            w[i] = Math.exp(-(x * x) / (2 * sigma * sigma));
            sum += w[i];
        }
        for (int i = 0; i < size; i++) {
            w[i] /= sum;
        }
        return w;
    }

    public static float[] blur(float[] image, int rows, int cols, double sigma) {
        double[] k = gaussianKernel(sigma);
        int half = k.length / 2;
        float[] tmp = new float[image.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                for (int i = 0; i < k.length; i++) {
                    s += k[i] * image[r * cols + reflect101(c + i - half, cols)];
                }
                tmp[r * cols + c] = (float) s;
            }
        }
        float[] out = new float[image.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                for (int i = 0; i < k.length; i++) {
                    s += k[i] * tmp[reflect101(r + i - half, rows) * cols + c];
                }
                out[r * cols + c] = (float) s;
            }
        }
        return out;
    }

    /** BORDER_REFLECT_101: ...2 1 | 0 1 2 ... n-1 | n-2 n-3... (valid for offsets below n). */
    static int reflect101(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    /** Adds N(0, σ/255) to every pixel and clips to [0, 1]. */
    public static float[] noise(float[] image, double sigma255, SplittableRandom random) {
        double sd = sigma255 / 255.0;
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            double v = image[i] + sd * gaussian(random);
            out[i] = (float) Math.min(1.0, Math.max(0.0, v));
        }
        return out;
    }

    /** Standard normal by Box-Muller's polar form (SplittableRandom has no nextGaussian on Java 17). */
    static double gaussian(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /** Every image blurred with σ. */
    public static ImageSet blur(ImageSet set, double sigma) {
        float[][] out = new float[set.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = blur(set.images()[i], set.rows(), set.cols(), sigma);
        }
        return set.withImages(out);
    }

    /** Every image with fresh noise of σ (0..255 units) from one stream seeded with {@code seed}. */
    public static ImageSet noise(ImageSet set, double sigma255, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[set.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = noise(set.images()[i], sigma255, random);
        }
        return set.withImages(out);
    }
}
