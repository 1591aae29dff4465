package org.eesim.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;
import org.eesim.models.data.ImageSet;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.MultiExitBlock;
import org.junit.jupiter.api.Test;

/** Training and inference stop at the first NaN or infinite loss or logit, naming where (issue 10). */
class NonFiniteGuardTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    /** 16 random 28x28 images, 10 classes; {@code nanImage} >= 0 gets one NaN pixel. */
    static ImageSet images(int nanImage) {
        SplittableRandom r = new SplittableRandom(5);
        float[][] img = new float[16][28 * 28];
        int[] labels = new int[16];
        for (int i = 0; i < img.length; i++) {
            for (int p = 0; p < img[i].length; p++) {
                img[i][p] = (float) r.nextDouble();
            }
            labels[i] = i % 10;
        }
        if (nanImage >= 0) {
            img[nanImage][300] = Float.NaN;
        }
        return new ImageSet(img, labels, 28, 28);
    }

    static Model tiny(String name) {
        Engine.getInstance().setRandomSeed(3);
        MultiExitBlock block = new MultiExitBlock(Backbones.tinyResidual(new long[] {1, 28, 28}), List.of(1));
        Model model = Model.newInstance(name);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
        return model;
    }

    @Test
    void aNaNInputStopsTrainingAtTheFirstBatchNamingNetworkAndBatch() {
        ImageSet data = images(-1);
        for (float[] img : data.images()) {
            img[0] = Float.NaN;
        }
        try (Model model = tiny("guard-net")) {
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> ExitTrainer.train(model, data,
                    WeightedExitLoss.linearWeights(2), new ExitTrainer.Settings(1, 8, 1e-3f, 1), "standard", QUIET));
            String m = e.getMessage();
            assertTrue(m.startsWith("network 'guard-net', training 'standard': the loss of epoch 1, batch 1 of 2"), m);
            assertTrue(m.contains("is NaN; per-exit terms: b1 NaN final NaN"), m);
            assertTrue(m.contains("DNNL_MAX_CPU_ISA=AVX2"), m);
        }
    }

    @Test
    void anExplodingLearningRateIsStoppedBeforeTheWeightsAreUsed() {
        try (Model model = tiny("guard-net")) {
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> ExitTrainer.train(model, images(-1),
                    WeightedExitLoss.linearWeights(2), new ExitTrainer.Settings(3, 4, 1e30f, 1), "standard", QUIET));
            String m = e.getMessage();
            assertTrue(m.startsWith("network 'guard-net', training 'standard': "), m);
            // either a later batch's loss or, after an epoch's last batch, a parameter
            assertTrue(m.matches(".*(the loss of epoch \\d, batch \\d of 4 .* is (NaN|-?Infinity)"
                    + "|after epoch \\d parameter \\S+ .* holds \\d+ NaN or infinite values).*"), m);
        }
    }

    @Test
    void aNaNLogitNamesTheNetworkExitAndSample() {
        try (Model model = tiny("guard-net")) {
            NonFiniteException e = assertThrows(NonFiniteException.class,
                    () -> ExitTrainer.logits(model, images(11), 8, "condition blur-1"));
            assertTrue(e.getMessage().startsWith("network 'guard-net': logit 0 of exit b1 for sample 11 of condition"
                    + " blur-1, batch of samples 8..15 is NaN; nothing is written. Try: "), e.getMessage());
            float[][][] finite = ExitTrainer.logits(model, images(-1), 8, "pristine");
            assertEquals(2, finite.length);
            assertEquals(16, finite[1].length);
        }
    }

    @Test
    void temperatureScalingRefusesANaNLogit() {
        float[][] logits = {{1, 2, 3}, {1, Float.POSITIVE_INFINITY, 0}};
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> TemperatureScaling.fit(logits, new int[] {2, 1}, "net-x", 2, 3, "validation"));
        assertTrue(e.getMessage().startsWith("network 'net-x': logit 1 of exit final for sample 1 of validation"
                + " is Infinity"), e.getMessage());
    }
}
