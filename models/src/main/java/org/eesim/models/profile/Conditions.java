package org.eesim.models.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eesim.models.data.Distortions;
import org.eesim.models.data.ImageSet;

/**
 * The test conditions: pristine, blur-1..5 (σ 1..5 px, kernel 4σ+1), noise-1..5 (σ 5, 10, 20,
 * 30, 40 in 0..255 units), each with the parameters recorded in the profile; and the mixed
 * distortion used to train and calibrate expert branches.
 */
public final class Conditions {

    /** A named distorted copy of the test set and its parameters. */
    public record Named(String name, Map<String, String> parameters, ImageSet images) {
    }

    private Conditions() {
    }

    public static List<Named> testConditions(ImageSet test, long seed) {
        List<Named> out = new ArrayList<>();
        out.add(new Named("pristine", params("none", null, null), test));
        for (int level = 1; level <= 5; level++) {
            int sigma = Distortions.BLUR_SIGMAS[level - 1];
            out.add(new Named("blur-" + level, params("gaussian_blur", sigma, Distortions.kernelSize(sigma)),
                    Distortions.blur(test, sigma)));
        }
        for (int level = 1; level <= 5; level++) {
            int sigma = Distortions.NOISE_SIGMAS[level - 1];
            out.add(new Named("noise-" + level, params("gaussian_noise", sigma, null),
                    Distortions.noise(test, sigma, seed * 1000 + level)));
        }
        return out;
    }

    private static Map<String, String> params(String distortion, Integer sigma, Integer kernel) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", distortion);
        if (sigma != null) {
            p.put("sigma", Integer.toString(sigma));
            p.put("sigma_units", distortion.equals("gaussian_blur") ? "pixels" : "0..255 pixel values, clipped");
        }
        if (kernel != null) {
            p.put("kernel", kernel + "x" + kernel);
        }
        return p;
    }

    /** Every image distorted at a level drawn uniformly from the five (one seeded stream). */
    public static ImageSet mixed(ImageSet set, String kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[set.size()][];
        for (int i = 0; i < out.length; i++) {
            int level = random.nextInt(5);
            float[] img = set.images()[i];
            out[i] = kind.equals("blur")
                    ? Distortions.blur(img, set.rows(), set.cols(), Distortions.BLUR_SIGMAS[level])
                    : Distortions.noise(img, Distortions.NOISE_SIGMAS[level], random);
        }
        return set.withImages(out);
    }
}
