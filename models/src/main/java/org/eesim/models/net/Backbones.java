package org.eesim.models.net;

import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' backbones rebuilt for 1×28×28 images, as lists of profiled layers. Widths are the
 * originals' channel counts times {@code width} (at least 4 channels); strides are cut so the
 * feature maps fit 28 px (details per method). The last layer ends in the 10-class logits.
 */
public final class Backbones {

    public static final int CLASSES = 10;

    private Backbones() {
    }

    public static List<NetLayer> build(String net, double width, long[] input) {
        return switch (net) {
            case "tiny" -> tinyResidual(input);
            case "alexnet" -> alexNet(width, input);
            case "mobilenetv2" -> mobileNetV2(width, input);
            case "resnet18" -> resNet18(width, input);
            default -> throw new IllegalArgumentException(
                    "unknown network '" + net + "' (tiny, alexnet, mobilenetv2, resnet18)");
        };
    }

    static int scaled(int channels, double width) {
        return Math.max(4, (int) Math.round(channels * width));
    }

    /** A small residual CNN for fast tests: stem, one residual unit, a strided conv, head. */
    public static List<NetLayer> tinyResidual(long[] input) {
        List<NetLayer> layers = new ArrayList<>();
        Stage s = new Stage(input).conv(8, 3, 1, 1).bn().relu().maxPool(2, 2);
        layers.add(NetLayer.of("stem", s));
        s = new Stage(s.shape()).residual(m -> m.conv(8, 3, 1, 1).bn().relu().conv(8, 3, 1, 1).bn(), null,
                Activation.reluBlock());
        layers.add(NetLayer.of("res1", s));
        s = new Stage(s.shape()).conv(16, 3, 2, 1).bn().relu();
        layers.add(NetLayer.of("conv2", s));
        s = new Stage(s.shape()).globalAvgPool().linear(CLASSES);
        layers.add(NetLayer.of("head", s));
        return layers;
    }

    /**
     * AlexNet's 5 conv + 3 FC layers (64, 192, 384, 256, 256 channels; 4096-wide FC scaled by
     * width too). 28 px: conv1 5×5 stride 1 instead of 11×11 stride 4; max-pools after conv1,
     * conv2 and conv5 as in the original (28 → 14 → 7 → 3).
     */
    public static List<NetLayer> alexNet(double width, long[] input) {
        List<NetLayer> layers = new ArrayList<>();
        Stage s = new Stage(input).conv(scaled(64, width), 5, 1, 1).relu().maxPool(2, 2);
        layers.add(NetLayer.of("conv1", s));
        s = new Stage(s.shape()).conv(scaled(192, width), 5, 1, 1).relu().maxPool(2, 2);
        layers.add(NetLayer.of("conv2", s));
        s = new Stage(s.shape()).conv(scaled(384, width), 3, 1, 1).relu();
        layers.add(NetLayer.of("conv3", s));
        s = new Stage(s.shape()).conv(scaled(256, width), 3, 1, 1).relu();
        layers.add(NetLayer.of("conv4", s));
        s = new Stage(s.shape()).conv(scaled(256, width), 3, 1, 1).relu().maxPool(2, 2);
        layers.add(NetLayer.of("conv5", s));
        int fc = scaled(4096, width / 4);
        s = new Stage(s.shape()).flatten().dropout(0.5f).linear(fc).relu();
        layers.add(NetLayer.of("fc6", s));
        s = new Stage(s.shape()).dropout(0.5f).linear(fc).relu();
        layers.add(NetLayer.of("fc7", s));
        s = new Stage(s.shape()).linear(CLASSES);
        layers.add(NetLayer.of("fc8", s));
        return layers;
    }

    /**
     * MobileNetV2: stem, the 17 inverted-residual blocks of the paper's table (t, c, n, s), a 1×1
     * conv to 1280·width channels, global pool and FC. 28 px: stem stride 1 instead of 2, the four
     * stride-2 stages of the original kept (28 → 14 → 7 → 4 → 2).
     */
    public static List<NetLayer> mobileNetV2(double width, long[] input) {
        int[][] table = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
            {6, 160, 3, 2}, {6, 320, 1, 1}};
        List<NetLayer> layers = new ArrayList<>();
        Stage s = new Stage(input).conv(scaled(32, width), 3, 1, 1).bn().relu6();
        layers.add(NetLayer.of("stem", s));
        int block = 0;
        for (int[] row : table) {
            int out = scaled(row[1], width);
            for (int i = 0; i < row[2]; i++) {
                int stride = i == 0 ? row[3] : 1;
                s = invertedResidual(s.shape(), row[0], out, stride);
                layers.add(NetLayer.of("ir" + (++block), s));
            }
        }
        s = new Stage(s.shape()).conv(scaled(1280, width), 1, 1, 1).bn().relu6();
        layers.add(NetLayer.of("conv_last", s));
        s = new Stage(s.shape()).globalAvgPool().dropout(0.2f).linear(CLASSES);
        layers.add(NetLayer.of("classifier", s));
        return layers;
    }

    private static Stage invertedResidual(long[] in, int expansion, int out, int stride) {
        int hidden = (int) in[0] * expansion;
        boolean identity = stride == 1 && in[0] == out;
        java.util.function.UnaryOperator<Stage> main = m -> {
            if (expansion != 1) {
                m.conv(hidden, 1, 1, 1).bn().relu6();
            }
            return m.conv(hidden, 3, stride, hidden).bn().relu6().conv(out, 1, 1, 1).bn();
        };
        if (identity) {
            return new Stage(in).residual(main, null, null);
        }
        return main.apply(new Stage(in));
    }

    /**
     * ResNet-18: stem and 4 stages of 2 basic blocks (64, 128, 256, 512 channels), global pool,
     * FC. 28 px: CIFAR-style 3×3 stride-1 stem without max-pool; stages 2-4 halve the map
     * (28 → 14 → 7 → 4). One profiled layer per basic block.
     */
    public static List<NetLayer> resNet18(double width, long[] input) {
        List<NetLayer> layers = new ArrayList<>();
        Stage s = new Stage(input).conv(scaled(64, width), 3, 1, 1).bn().relu();
        layers.add(NetLayer.of("stem", s));
        int[] channels = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            int out = scaled(channels[stage], width);
            for (int b = 0; b < 2; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                boolean project = stride != 1 || s.shape()[0] != out;
                s = new Stage(s.shape()).residual(
                        m -> m.conv(out, 3, stride, 1).bn().relu().conv(out, 3, 1, 1).bn(),
                        project ? sc -> sc.conv(out, 1, stride, 1).bn() : null,
                        Activation.reluBlock());
                layers.add(NetLayer.of("layer" + (stage + 1) + "." + b, s));
            }
        }
        s = new Stage(s.shape()).globalAvgPool().linear(CLASSES);
        layers.add(NetLayer.of("fc", s));
        return layers;
    }

    /** A side branch as in the seeds: BatchNorm, pooling (conv maps, to at most 2×2), FC. */
    public static Stage branch(long[] inputShape) {
        Stage b = new Stage(inputShape).bn();
        if (inputShape.length == 3) {
            b.avgPoolTo2();
        }
        return b.flatten().linear(CLASSES);
    }
}
