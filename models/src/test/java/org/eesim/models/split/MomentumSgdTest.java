package org.eesim.models.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Our checkpointable SGD against DJL's own: the same weights after the same steps. */
class MomentumSgdTest {

    private static final int STEPS = 6;

    @Test
    void equalsDjlsSgdWithMomentumAndWeightDecay() {
        float[] ours = train(() -> new MomentumSgd(0.05f, 0.9f, 1e-2f));
        float[] djl = train(() -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f)
                .optWeightDecays(1e-2f).build());
        float[] plain = train(() -> new MomentumSgd(0.05f, 0f, 0f));
        assertArrayEquals(djl, ours, 1e-6f);
        assertNotEquals(plain[0], ours[0], 1e-3f); // momentum and decay matter here, so the check can fail
    }

    @Test
    void aRestoredStateContinuesAsIfUninterrupted() {
        float[] straight = train(() -> new MomentumSgd(0.05f, 0.9f, 1e-2f));
        SplittableRandom r = new SplittableRandom(9);
        float[][] data = batches(r);
        float[] w;
        float[] m;
        // three steps, then the weights and momentum copied into a fresh model and optimizer
        try (Model model = linearModel(initial())) {
            MomentumSgd o = new MomentumSgd(0.05f, 0.9f, 1e-2f);
            try (Trainer t = model.newTrainer(new DefaultTrainingConfig(square()).optOptimizer(o))) {
                for (int s = 0; s < 3; s++) {
                    step(t, data, s);
                }
            }
            Parameter p = model.getBlock().getParameters().get(0).getValue();
            w = p.getArray().toFloatArray();
            m = o.state(p.getId());
        }
        try (Model model = linearModel(w)) {
            MomentumSgd o = new MomentumSgd(0.05f, 0.9f, 1e-2f);
            Parameter p = model.getBlock().getParameters().get(0).getValue();
            o.setState(p.getId(), p.getArray(), m);
            try (Trainer t = model.newTrainer(new DefaultTrainingConfig(square()).optOptimizer(o))) {
                for (int s = 3; s < STEPS; s++) {
                    step(t, data, s);
                }
            }
            assertArrayEquals(straight, p.getArray().toFloatArray(), 1e-6f);
        }
    }

    private static float[] train(Supplier<Optimizer> optimizer) {
        float[][] data = batches(new SplittableRandom(9));
        try (Model model = linearModel(initial());
                Trainer t = model.newTrainer(new DefaultTrainingConfig(square()).optOptimizer(optimizer.get()))) {
            for (int s = 0; s < STEPS; s++) {
                step(t, data, s);
            }
            float[] w = model.getBlock().getParameters().get(0).getValue().getArray().toFloatArray();
            assertEquals(4, w.length);
            return w;
        }
    }

    private static void step(Trainer t, float[][] data, int s) {
        try (NDManager m = t.getManager().newSubManager()) {
            NDArray x = m.create(data[2 * s], new Shape(3, 4));
            NDArray y = m.create(data[2 * s + 1], new Shape(3, 1));
            try (GradientCollector gc = t.newGradientCollector()) {
                gc.backward(t.getLoss().evaluate(new NDList(y), t.forward(new NDList(x))));
            }
            t.step();
        }
    }

    private static float[] initial() {
        return new float[] {0.3f, -0.2f, 0.5f, 0.1f};
    }

    private static Model linearModel(float[] w) {
        Model model = Model.newInstance("linear");
        Linear l = Linear.builder().setUnits(1).optBias(false).build();
        model.setBlock(l);
        l.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(3, 4));
        l.getParameters().get(0).getValue().getArray().set(w);
        return model;
    }

    private static Loss square() {
        return new Loss("square") {
            @Override
            public NDArray evaluate(NDList label, NDList prediction) {
                return prediction.singletonOrThrow().sub(label.singletonOrThrow()).square().mean();
            }
        };
    }

    private static float[][] batches(SplittableRandom r) {
        float[][] d = new float[2 * STEPS][];
        for (int s = 0; s < STEPS; s++) {
            d[2 * s] = new float[12];
            d[2 * s + 1] = new float[3];
            for (int i = 0; i < 12; i++) {
                d[2 * s][i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < 3; i++) {
                d[2 * s + 1][i] = (float) r.nextGaussian();
            }
        }
        return d;
    }
}
