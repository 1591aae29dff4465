package org.eesim.models.net;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds one sequential piece of a network while tracking its output shape (per sample, no batch
 * axis) and its FLOPs, counted as 2 × multiply-accumulates of convolutions and linear layers
 * (bias, normalisation, activations and pooling count 0, as in the CARPEX profile).
 */
public final class Stage {

    private final SequentialBlock block = new SequentialBlock();
    private long[] shape;
    private long flops;

    public Stage(long... inputShape) {
        this.shape = inputShape.clone();
    }

    public Block block() {
        return block;
    }

    public long flops() {
        return flops;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** A convolution without bias, padded by kernel / 2 (the "same" padding of odd kernels). */
    public Stage conv(int filters, int kernel, int stride, int groups) {
        return conv(filters, kernel, stride, kernel / 2, groups, false);
    }

    /** A square convolution with explicit padding and optional bias (the bias adds no FLOPs here). */
    public Stage conv(int filters, int kernel, int stride, int pad, int groups, boolean bias) {
        long cin = shape[0];
        long h = (shape[1] + 2L * pad - kernel) / stride + 1;
        long w = (shape[2] + 2L * pad - kernel) / stride + 1;
        block.add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad)).optGroups(groups).setFilters(filters).optBias(bias).build());
        flops += convFlops(cin, filters, h, w, kernel, groups);
        shape = new long[] {filters, h, w};
        return this;
    }

    /** 2 · Cout · Ho · Wo · (Cin / groups) · k². */
    public static long convFlops(long cin, long cout, long hOut, long wOut, int kernel, int groups) {
        return 2L * cout * hOut * wOut * (cin / groups) * kernel * kernel;
    }

    public Stage bn() {
        block.add(BatchNorm.builder().build());
        return this;
    }

    public Stage relu() {
        block.add(Activation.reluBlock());
        return this;
    }

    public Stage relu6() {
        block.add(Activation.relu6Block());
        return this;
    }

    public Stage maxPool(int kernel, int stride) {
        return maxPool(kernel, stride, 0);
    }

    public Stage maxPool(int kernel, int stride, int pad) {
        block.add(Pool.maxPool2dBlock(new Shape(kernel, kernel), new Shape(stride, stride), new Shape(pad, pad)));
        shape = new long[] {shape[0], (shape[1] + 2L * pad - kernel) / stride + 1,
            (shape[2] + 2L * pad - kernel) / stride + 1};
        return this;
    }

    /**
     * PyTorch's {@code AdaptiveAvgPool2d(n)} for a map at least n wide: output cell i averages
     * rows floor(i·H/n) to ceil((i+1)·H/n); when n divides H - k for k = ceil(H/n) those windows
     * are a plain average pool of kernel k and stride (H - k) / (n - 1), which is how it is built
     * here (n = 2: kernel ceil(H/2), stride floor(H/2); n = 1: the global pool, kept 3-d).
     */
    public Stage adaptiveAvgPool(int n) {
        long[] k = new long[2];
        long[] st = new long[2];
        for (int d = 0; d < 2; d++) {
            long size = shape[d + 1];
            if (size < n) {
                throw new IllegalArgumentException("adaptive pooling to " + n + " needs a map at least " + n
                        + " wide, got " + Arrays.toString(shape));
            }
            k[d] = ceilDiv(size, n);
            st[d] = n == 1 ? size : (size - k[d]) / (n - 1);
            if (n > 1 && (size - k[d]) % (n - 1) != 0) {
                throw new IllegalArgumentException("adaptive pooling of " + size + " to " + n
                        + " is not a plain pool; not supported");
            }
            for (int i = 0; i < n; i++) {
                long start = Math.floorDiv(i * size, n);
                long end = ceilDiv((i + 1) * size, n);
                if (start != i * st[d] || end - start != k[d]) {
                    throw new IllegalArgumentException("adaptive pooling of " + size + " to " + n
                            + " has uneven windows; not supported");
                }
            }
        }
        block.add(Pool.avgPool2dBlock(new Shape(k[0], k[1]), new Shape(st[0], st[1])));
        shape = new long[] {shape[0], n, n};
        return this;
    }

    /** FLOPs this stage's counting rule leaves out but a source counts (e.g. a pool's additions). */
    public Stage addFlops(long extra) {
        flops += extra;
        return this;
    }

    /** Average pooling to at most 2×2 (windows of ⌈H/2⌉, partial last window allowed). */
    public Stage avgPoolTo2() {
        int k = (int) Math.max(1, (shape[1] + 1) / 2);
        block.add(Pool.avgPool2dBlock(new Shape(k, k), new Shape(k, k), new Shape(0, 0), true, false));
        long h = ceilDiv(shape[1] - k, k) + 1;
        long w = ceilDiv(shape[2] - k, k) + 1;
        shape = new long[] {shape[0], h, w};
        return this;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    public Stage globalAvgPool() {
        block.add(Pool.globalAvgPool2dBlock());
        shape = new long[] {shape[0]};
        return this;
    }

    public Stage flatten() {
        block.add(Blocks.batchFlattenBlock());
        shape = new long[] {Arrays.stream(shape).reduce(1, (a, b) -> a * b)};
        return this;
    }

    public Stage linear(int units) {
        block.add(Linear.builder().setUnits(units).build());
        flops += 2L * shape[0] * units;
        shape = new long[] {units};
        return this;
    }

    public Stage dropout(float rate) {
        block.add(Dropout.builder().optRate(rate).build());
        return this;
    }

    /**
     * A residual unit: {@code main} built from this shape, added to the identity or to
     * {@code shortcut} (when not null), then {@code after} (e.g. a ReLU; may be null).
     */
    public Stage residual(UnaryOperator<Stage> main, UnaryOperator<Stage> shortcut, Block after) {
        Stage m = main.apply(new Stage(shape));
        Block sc;
        if (shortcut == null) {
            sc = Blocks.identityBlock();
        } else {
            Stage s = shortcut.apply(new Stage(shape));
            if (!Arrays.equals(s.shape, m.shape)) {
                throw new IllegalArgumentException("shortcut shape " + Arrays.toString(s.shape) + " != main "
                        + Arrays.toString(m.shape));
            }
            flops += s.flops;
            sc = s.block;
        }
        if (shortcut == null && !Arrays.equals(shape, m.shape)) {
            throw new IllegalArgumentException("identity shortcut needs equal shapes: " + Arrays.toString(shape)
                    + " vs " + Arrays.toString(m.shape));
        }
        block.add(new ParallelBlock(Stage::sum, List.of(m.block, sc)));
        if (after != null) {
            block.add(after);
        }
        flops += m.flops;
        shape = m.shape;
        return this;
    }

    private static NDList sum(List<NDList> parts) {
        return new NDList(NDArrays.add(parts.get(0).singletonOrThrow(), parts.get(1).singletonOrThrow()));
    }
}
