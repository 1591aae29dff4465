package org.eesim.models.profile;

import java.io.IOException;
import java.util.SplittableRandom;
import org.eesim.models.data.DataSource;
import org.eesim.models.data.ImageSet;

/**
 * Training, validation and test images: a seeded shuffle of the 60000 training images gives the
 * validation split (first) and the training subset (next, disjoint); the test images are the
 * first {@code testSamples} of the official test file, in file order.
 */
public record Splits(ImageSet train, ImageSet validation, ImageSet test) {

    public static Splits of(DataSource source, RunOptions o) throws IOException {
        ImageSet all = source.train();
        ImageSet test = source.test();
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(o.seed());
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Splits(pick(all, order, o.validationSamples(), o.validationSamples() + o.trainSamples()),
                pick(all, order, 0, o.validationSamples()), test.slice(0, Math.min(o.testSamples(), test.size())));
    }

    private static ImageSet pick(ImageSet all, int[] order, int from, int to) {
        float[][] images = new float[to - from][];
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            images[i - from] = all.images()[order[i]];
            labels[i - from] = all.labels()[order[i]];
        }
        return new ImageSet(images, labels, all.rows(), all.cols());
    }
}
