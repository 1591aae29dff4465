package org.eesim.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/** Σ_i w_i · CE(logits_i, label) over the exits, as BranchyNet and the seeds train. */
public final class WeightedExitLoss extends Loss {

    private final float[] weights;
    private final SoftmaxCrossEntropyLoss ce = new SoftmaxCrossEntropyLoss("ce");

    public WeightedExitLoss(float[] weights) {
        super("weighted_exit_loss");
        this.weights = weights.clone();
    }

    /** Weights rising linearly from 0.15 (first exit) to 1 (final exit), the seeds' scheme. */
    public static float[] linearWeights(int exits) {
        float[] w = new float[exits];
        for (int i = 0; i < exits; i++) {
            w[i] = exits == 1 ? 1f : (float) (0.15 + 0.85 * i / (exits - 1));
        }
        return w;
    }

    /** Each exit's weighted term as a number (for naming the exit of a non-finite loss). */
    public float[] terms(NDList labels, NDList predictions) {
        float[] t = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            t[i] = weights[i] == 0 ? 0 : ce.evaluate(labels, new NDList(predictions.get(i))).mul(weights[i]).getFloat();
        }
        return t;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (predictions.size() != weights.length) {
            throw new IllegalArgumentException(predictions.size() + " exits but " + weights.length + " weights");
        }
        NDArray total = null;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            NDArray term = ce.evaluate(labels, new NDList(predictions.get(i))).mul(weights[i]);
            total = total == null ? term : total.add(term);
        }
        if (total == null) {
            throw new IllegalStateException("all exit weights are 0");
        }
        return total;
    }
}
