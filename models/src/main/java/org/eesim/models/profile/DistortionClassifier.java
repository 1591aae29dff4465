package org.eesim.models.profile;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.eesim.models.data.Distortions;
import org.eesim.models.data.ImageSet;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;
import org.eesim.models.net.Stage;
import org.eesim.models.train.ExitTrainer;
import org.eesim.models.train.WeightedExitLoss;

/**
 * Seed 001's distortion classifier, small: a two-conv CNN that tells pristine, blurred and noisy
 * images apart (the seed feeds a CNN the Fourier spectrum; here the CNN sees the pixels). Trained
 * on images distorted with a random kind and level, scored on the test images likewise; its
 * batch-1 time and confusion matrix go into the profile's provenance.
 */
final class DistortionClassifier {

    static final List<String> KINDS = List.of("pristine", "blur", "noise");

    private DistortionClassifier() {
    }

    static void run(ImageSet train, ImageSet test, RunOptions o, Map<String, String> notes, PrintStream log) {
        long[] input = {1, test.rows(), test.cols()};
        Stage s = new Stage(input).conv(8, 3, 1, 1).bn().relu().maxPool(2, 2).conv(16, 3, 1, 1).bn().relu()
                .maxPool(2, 2).globalAvgPool().linear(KINDS.size());
        MultiExitBlock block = new MultiExitBlock(List.of(NetLayer.of("distortion_cnn", s)), List.of());
        try (Model model = Model.newInstance("distortion-classifier")) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, input[0], input[1], input[2]));
            ImageSet trainSet = distorted(train, o.seed() * 31 + 1);
            ExitTrainer.train(model, trainSet, WeightedExitLoss.linearWeights(1),
                    new ExitTrainer.Settings(o.epochs(), o.batchSize(), o.learningRate(), o.seed() + 2),
                    "distortion classifier", log);
            ImageSet testSet = distorted(test, o.seed() * 31 + 2);
            float[][] logits = ExitTrainer.logits(model, testSet, 256, "the distorted test images")[0];
            int[][] confusion = new int[KINDS.size()][KINDS.size()];
            int right = 0;
            for (int n = 0; n < logits.length; n++) {
                int arg = 0;
                for (int c = 1; c < logits[n].length; c++) {
                    arg = logits[n][c] > logits[n][arg] ? c : arg;
                }
                confusion[testSet.labels()[n]][arg]++;
                right += arg == testSet.labels()[n] ? 1 : 0;
            }
            double[] times = time(block, model.getNDManager(), test.images()[0], test.rows(), test.cols(), o);
            notes.put("distortion_classifier", String.format(Locale.ROOT, "2-conv CNN (8, 16 channels, %d FLOPs),"
                    + " pristine/blur/noise, trained %d epoch(s) on the %d training images each given a random kind"
                    + " and level; test accuracy %.3f on the %d test images distorted likewise", s.flops(), o.epochs(),
                    train.size(), (double) right / logits.length, logits.length));
            notes.put("distortion_classifier_confusion", "rows true, columns predicted, order " + KINDS + ": "
                    + java.util.Arrays.deepToString(confusion));
            notes.put("distortion_classifier_time_s", String.format(Locale.ROOT,
                    "batch 1: median %.6g, p25 %.6g, p75 %.6g over %d repetitions", LayerTimer.median(times),
                    LayerTimer.quantile(times, 0.25), LayerTimer.quantile(times, 0.75), times.length));
        }
    }

    /** Labels replaced by the distortion kind: a third each on average, level uniform over the five. */
    static ImageSet distorted(ImageSet set, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] images = new float[set.size()][];
        int[] kinds = new int[set.size()];
        for (int i = 0; i < images.length; i++) {
            kinds[i] = random.nextInt(KINDS.size());
            int level = random.nextInt(5);
            float[] img = set.images()[i];
            images[i] = switch (kinds[i]) {
                case 1 -> Distortions.blur(img, set.rows(), set.cols(), Distortions.BLUR_SIGMAS[level]);
                case 2 -> Distortions.noise(img, Distortions.NOISE_SIGMAS[level], random);
                default -> img;
            };
        }
        return new ImageSet(images, kinds, set.rows(), set.cols());
    }

    private static double[] time(MultiExitBlock block, NDManager manager, float[] image, int rows, int cols,
            RunOptions o) {
        ParameterStore ps = new ParameterStore(manager, false);
        double[] out = new double[o.repetitions()];
        for (int r = -o.warmup(); r < o.repetitions(); r++) {
            try (NDManager sub = manager.newSubManager()) {
                NDList x = new NDList(sub.create(image, new Shape(1, 1, rows, cols)));
                long t0 = System.nanoTime();
                block.forward(ps, x, false);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    out[r] = (t1 - t0) / 1e9;
                }
            }
        }
        return out;
    }
}
