package org.eesim.models.net;

import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' backbones at their own input sizes, layer for layer as torchvision defines them
 * (AlexNet, MobileNetV2, ResNet-18), for timing: every layer here is one profiled layer. The
 * layer names follow the seeds' profiles (CARPEX's l_1..l_21, seed 001's f0..f18), so a profile
 * timed here lines up with the exit data those seeds publish. FLOPs are 2 × multiply-accumulates
 * of convolutions and linear layers ({@link Stage}), as in those profiles.
 */
public final class FullSize {

    /** The networks {@link #build} knows. */
    public static final List<String> NETS = List.of("alexnet-full", "mobilenetv2-full", "resnet18-full");

    private FullSize() {
    }

    public static List<NetLayer> build(String net, int classes, long[] input) {
        if (input.length != 3 || input[0] != 3) {
            throw new IllegalArgumentException(net + " takes a 3xHxW input, got " + java.util.Arrays.toString(input));
        }
        return switch (net) {
            case "alexnet-full" -> alexNet(classes, input);
            case "mobilenetv2-full" -> mobileNetV2(classes, input);
            case "resnet18-full" -> resNet18(classes, input);
            default -> throw new IllegalArgumentException("unknown full-size network '" + net + "' " + NETS);
        };
    }

    /**
     * torchvision's AlexNet split as CARPEX timed it (profiles/b-alexnet-carpex/layers.csv): each
     * module of {@code features}, the 6×6 adaptive pool, and each module of {@code classifier} is
     * a layer (21). Convolutions and linear layers have biases. The flatten before the first
     * dropout, which CARPEX did not time, is part of l_15 here.
     */
    public static List<NetLayer> alexNet(int classes, long[] input) {
        List<NetLayer> l = new ArrayList<>();
        long[] s = input;
        s = add(l, "l_1_conv1", new Stage(s).conv(64, 11, 4, 2, 1, true));
        s = add(l, "l_2_relu1", new Stage(s).relu());
        s = add(l, "l_3_pool1", new Stage(s).maxPool(3, 2));
        s = add(l, "l_4_conv2", new Stage(s).conv(192, 5, 1, 2, 1, true));
        s = add(l, "l_5_relu2", new Stage(s).relu());
        s = add(l, "l_6_pool2", new Stage(s).maxPool(3, 2));
        s = add(l, "l_7_conv3", new Stage(s).conv(384, 3, 1, 1, 1, true));
        s = add(l, "l_8_relu3", new Stage(s).relu());
        s = add(l, "l_9_conv4", new Stage(s).conv(256, 3, 1, 1, 1, true));
        s = add(l, "l_10_relu4", new Stage(s).relu());
        s = add(l, "l_11_conv5", new Stage(s).conv(256, 3, 1, 1, 1, true));
        s = add(l, "l_12_relu5", new Stage(s).relu());
        s = add(l, "l_13_pool3", new Stage(s).maxPool(3, 2));
        s = add(l, "l_14_avgpool", new Stage(s).adaptiveAvgPool(6));
        s = add(l, "l_15_dropout1", new Stage(s).flatten().dropout(0.5f));
        s = add(l, "l_16_fc1", new Stage(s).linear(4096));
        s = add(l, "l_17_relu6", new Stage(s).relu());
        s = add(l, "l_18_dropout2", new Stage(s).dropout(0.5f));
        s = add(l, "l_19_fc2", new Stage(s).linear(4096));
        s = add(l, "l_20_relu7", new Stage(s).relu());
        add(l, "l_21_fc3", new Stage(s).linear(classes));
        return l;
    }

    /**
     * torchvision's MobileNetV2 (width 1): {@code features[0..18]} as f0_conv_stem, f1..f17
     * (inverted residuals, named {@code f<i>_ir_<in>_<out>}), f18_conv_head; then the global
     * average pool (its FLOPs counted as its C·H·W additions, as seed 001's profile does) and the
     * classifier (dropout 0.2 + linear). 21 layers.
     */
    public static List<NetLayer> mobileNetV2(int classes, long[] input) {
        int[][] table = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
            {6, 160, 3, 2}, {6, 320, 1, 1}};
        List<NetLayer> l = new ArrayList<>();
        long[] s = add(l, "f0_conv_stem", new Stage(input).conv(32, 3, 2, 1).bn().relu6());
        int block = 0;
        for (int[] row : table) {
            for (int i = 0; i < row[2]; i++) {
                int in = (int) s[0];
                int stride = i == 0 ? row[3] : 1;
                s = add(l, "f" + (++block) + "_ir_" + in + "_" + row[1], invertedResidual(s, row[0], row[1], stride));
            }
        }
        s = add(l, "f18_conv_head", new Stage(s).conv(1280, 1, 1, 1).bn().relu6());
        s = add(l, "pool", new Stage(s).globalAvgPool().addFlops(s[0] * s[1] * s[2]));
        add(l, "classifier", new Stage(s).dropout(0.2f).linear(classes));
        return l;
    }

    private static Stage invertedResidual(long[] in, int expansion, int out, int stride) {
        int hidden = (int) in[0] * expansion;
        java.util.function.UnaryOperator<Stage> main = m -> {
            if (expansion != 1) {
                m.conv(hidden, 1, 1, 1).bn().relu6();
            }
            return m.conv(hidden, 3, stride, hidden).bn().relu6().conv(out, 1, 1, 1).bn();
        };
        if (stride == 1 && in[0] == out) {
            return new Stage(in).residual(main, null, null);
        }
        return main.apply(new Stage(in));
    }

    /**
     * torchvision's ResNet-18: the stem (7×7 stride-2 conv, BN, ReLU, 3×3 stride-2 max-pool), 8
     * basic blocks (layer1.0 .. layer4.1, a 1×1 stride-2 projection where the map halves), and
     * fc (global average pool + linear). 10 layers.
     */
    public static List<NetLayer> resNet18(int classes, long[] input) {
        List<NetLayer> l = new ArrayList<>();
        long[] s = add(l, "stem", new Stage(input).conv(64, 7, 2, 1).bn().relu().maxPool(3, 2, 1));
        int[] channels = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            int out = channels[stage];
            for (int b = 0; b < 2; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                boolean project = stride != 1 || s[0] != out;
                s = add(l, "layer" + (stage + 1) + "." + b, new Stage(s).residual(
                        m -> m.conv(out, 3, stride, 1).bn().relu().conv(out, 3, 1, 1).bn(),
                        project ? sc -> sc.conv(out, 1, stride, 1).bn() : null,
                        Activation.reluBlock()));
            }
        }
        add(l, "fc", new Stage(s).globalAvgPool().linear(classes));
        return l;
    }

    /** CARPEX's and seed 001's side branch: AdaptiveAvgPool2d(2), flatten, Linear(4C, classes). */
    public static Stage poolBranch(long[] in, int classes) {
        return new Stage(in).adaptiveAvgPool(2).flatten().linear(classes);
    }

    /** Seed 000's "bnpool" exit: BatchNorm2d(C), AdaptiveAvgPool2d(1), flatten, Linear(C, classes). */
    public static Stage bnPoolBranch(long[] in, int classes) {
        return new Stage(in).bn().adaptiveAvgPool(1).flatten().linear(classes);
    }

    private static long[] add(List<NetLayer> layers, String name, Stage stage) {
        layers.add(NetLayer.of(name, stage));
        return stage.shape();
    }
}
