package org.eesim.models.split;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with momentum exactly as DJL's {@code Sgd} computes it (state = μ·state + lr·(g + wd·w);
 * w −= state; with a constant lr the same as PyTorch's SGD without dampening), but with its
 * momentum state readable and writable, so that a run stopped at an epoch's end resumes where it
 * was. Like DJL's PyTorch update, it zeroes the weight's gradient after the step.
 */
public final class MomentumSgd extends Optimizer {

    private final float learningRate;
    private final float momentum;
    private final Map<String, NDArray> states = new ConcurrentHashMap<>();

    public MomentumSgd(float learningRate, float momentum, float weightDecay) {
        super(new Builder().optWeightDecays(weightDecay));
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("learning rate must be > 0 and momentum in [0, 1)");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        updateCount(parameterId);
        try (NDArray step = grad.duplicate()) {
            float wd = getWeightDecay();
            if (wd != 0f) {
                try (NDArray decay = weight.mul(wd)) {
                    step.addi(decay);
                }
            }
            step.muli(learningRate);
            if (momentum == 0f) {
                weight.subi(step);
            } else {
                NDArray state = states.computeIfAbsent(parameterId, k -> weight.zerosLike());
                state.muli(momentum).addi(step);
                weight.subi(state);
            }
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** The momentum buffer of a parameter (null before its first update or without momentum). */
    public float[] state(String parameterId) {
        NDArray s = states.get(parameterId);
        return s == null ? null : s.toFloatArray();
    }

    /** Sets a parameter's momentum buffer; {@code weight} gives its shape and manager. */
    public void setState(String parameterId, NDArray weight, float[] values) {
        if (values.length != weight.size()) {
            throw new IllegalArgumentException("a momentum state of " + values.length + " values for a parameter of "
                    + weight.size());
        }
        NDArray s = weight.zerosLike();
        s.set(values);
        NDArray old = states.put(parameterId, s);
        if (old != null) {
            old.close();
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
