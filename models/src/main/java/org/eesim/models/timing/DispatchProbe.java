package org.eesim.models.timing;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed cost of dispatching one operation, by kind: each kind timed on a one-element tensor
 * (a 1→1 1×1 convolution on 1×1×1×1, a 1→1 linear layer, a one-channel BatchNorm, a dropout, a
 * ReLU for the shape-only operations: pooling, flatten, activations, a residual join). What is
 * left of such a call is the path from Java through DJL, JNI and ATen's dispatcher (and, for a
 * convolution, oneDNN's primitive lookup): a cost that every operation pays whatever its size and
 * that a faster processor does not shrink in proportion to its arithmetic. A layer's fixed cost
 * is the sum over its operations ({@link #fixedSeconds}).
 */
public final class DispatchProbe {

    /** The kinds probed, in the order timing.csv lists them. */
    public static final List<String> KINDS = List.of("conv", "linear", "batchnorm", "dropout", "lambda");

    /** Timed calls per kind (after as many warm-up calls). */
    static final int REPETITIONS = 2000;

    private DispatchProbe() {
    }

    /** Seconds per call of each kind, {@link #REPETITIONS} samples each. */
    public static Map<String, double[]> measure(NDManager manager) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (NDManager sub = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(sub, false);
            Shape image = new Shape(1, 1, 1, 1);
            out.put("conv", time(sub, ps, Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).optBias(false)
                    .build(), image));
            out.put("linear", time(sub, ps, Linear.builder().setUnits(1).build(), new Shape(1, 1)));
            out.put("batchnorm", time(sub, ps, BatchNorm.builder().build(), image));
            out.put("dropout", time(sub, ps, Dropout.builder().optRate(0.5f).build(), image));
            out.put("lambda", time(sub, ps, Activation.reluBlock(), image));
        }
        return out;
    }

    private static double[] time(NDManager manager, ParameterStore ps, Block block, Shape shape) {
        block.initialize(manager, DataType.FLOAT32, shape);
        NDList x = new NDList(manager.ones(shape));
        double[] s = new double[REPETITIONS];
        for (int r = -REPETITIONS; r < REPETITIONS; r++) {
            try (NDManager each = manager.newSubManager()) {
                long t0 = System.nanoTime();
                NDList y = block.forward(ps, x, false);
                long t1 = System.nanoTime();
                y.attach(each);
                if (r >= 0) {
                    s[r] = (t1 - t0) / 1e9;
                }
            }
        }
        return s;
    }

    /** Timed calls of the reference convolution (after 10 untimed ones). */
    static final int REFERENCE_REPETITIONS = 30;

    /**
     * The machine's speed at the moment: a fixed 64→64 3×3 convolution on 1×64×56×56 (231
     * MFLOPs, ResNet-18's layer1 shape), seconds per call. Timed before and after a profile's
     * repetitions, it lets two timing runs be compared: on a VM whose neighbours change its
     * speed for minutes at a time, two profiles of the same layers differ by what this differs.
     */
    public static double[] reference(NDManager manager) {
        try (NDManager sub = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(sub, false);
            Shape shape = new Shape(1, 64, 56, 56);
            Block conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64)
                    .optBias(false).build();
            conv.initialize(sub, DataType.FLOAT32, shape);
            NDList x = new NDList(sub.ones(shape));
            double[] s = new double[REFERENCE_REPETITIONS];
            for (int r = -10; r < REFERENCE_REPETITIONS; r++) {
                try (NDManager each = sub.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDList y = conv.forward(ps, x, false);
                    long t1 = System.nanoTime();
                    y.attach(each);
                    if (r >= 0) {
                        s[r] = (t1 - t0) / 1e9;
                    }
                }
            }
            return s;
        }
    }

    /** The probe kind of a leaf block. */
    public static String kind(Block leaf) {
        if (leaf instanceof Conv2d) {
            return "conv";
        }
        if (leaf instanceof Linear) {
            return "linear";
        }
        if (leaf instanceof BatchNorm) {
            return "batchnorm";
        }
        if (leaf instanceof Dropout) {
            return "dropout";
        }
        return "lambda";
    }

    /** Operations a block dispatches: its leaf blocks, plus one per parallel join (a residual add). */
    public static int ops(Block block) {
        List<Block> children = block.getChildren().values();
        if (children.isEmpty()) {
            return 1;
        }
        int n = block instanceof ParallelBlock ? 1 : 0;
        for (Block c : children) {
            n += ops(c);
        }
        return n;
    }

    /** Σ over the block's operations of their kind's per-call seconds (a join costs a lambda's). */
    public static double fixedSeconds(Block block, Map<String, Double> perKind) {
        List<Block> children = block.getChildren().values();
        if (children.isEmpty()) {
            return perKind.get(kind(block));
        }
        double s = block instanceof ParallelBlock ? perKind.get("lambda") : 0;
        for (Block c : children) {
            s += fixedSeconds(c, perKind);
        }
        return s;
    }
}
