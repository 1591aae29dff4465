package org.eesim.models.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.FullSize;
import org.eesim.models.net.NetLayer;
import org.eesim.models.net.Placement;
import org.eesim.models.net.Stage;

/**
 * The network a timing run builds: its layers, where its branches go and what they are, and the
 * words its provenance uses for them.
 *
 * @param description one sentence on the backbone, input and branch block
 * @param placement   how the branch positions were chosen, and the layers they follow
 */
public record NetSpec(String net, long[] input, List<NetLayer> layers, List<Integer> after,
        Function<long[], Stage> branch, int classes, String description, String placement) {

    public NetSpec {
        input = input.clone();
        layers = List.copyOf(layers);
        after = List.copyOf(after);
    }

    @Override
    public long[] input() {
        return input.clone();
    }

    /** The network of a fresh timing run (not a re-timing). */
    public static NetSpec of(TimingOptions o) {
        boolean full = FullSize.NETS.contains(o.net());
        long[] input = o.input();
        List<NetLayer> layers = full ? FullSize.build(o.net(), o.classes(), input)
                : Backbones.build(o.net(), o.width(), input);
        int classes = full ? o.classes() : Backbones.CLASSES;
        if (!full && o.classes() != Backbones.CLASSES) {
            throw new IllegalArgumentException("the 28 px networks have " + Backbones.CLASSES + " classes; --classes is"
                    + " for the full-size ones " + FullSize.NETS);
        }
        List<Integer> after = positions(layers, o.distribution(), o.branches(), o.positions());
        String what = full ? o.net().replace("-full", "") + " as torchvision defines it (width 1), " + classes
                + " classes" : o.net() + " of the models module for 28 px inputs, width " + o.width() + ", 10 classes";
        return new NetSpec(o.net(), input, layers, after, branchBlock(o.exit(), classes), classes,
                what + ", input " + shape(input) + ", batch 1; " + after.size() + " side branches of "
                        + exitWords(o.exit(), classes),
                placementWords(layers, after, o.distribution(), o.branches(), o.positions()));
    }

    /** 0-based layer indices the branches follow. */
    static List<Integer> positions(List<NetLayer> layers, String distribution, int branches, List<Integer> positions) {
        if (distribution.equals("explicit")) {
            return Placement.explicit(positions, layers.size());
        }
        if (branches == 0) {
            return List.of();
        }
        long[] flops = layers.stream().mapToLong(NetLayer::flops).toArray();
        return Placement.place(flops, Placement.targets(distribution, Arrays.stream(flops).sum(), branches));
    }

    static String placementWords(List<NetLayer> layers, List<Integer> after, String distribution, int branches,
            List<Integer> positions) {
        long total = layers.stream().mapToLong(NetLayer::flops).sum();
        List<String> names = new ArrayList<>();
        after.forEach(k -> names.add(layers.get(k).name() + " (layer " + (k + 1) + ")"));
        return (distribution.equals("explicit") ? "explicit positions " + positions
                : distribution + " targets over cumulative FLOPs (total " + total + "), " + branches + " branches")
                + "; after " + String.join(", ", names);
    }

    static Function<long[], Stage> branchBlock(String exit, int classes) {
        return switch (exit) {
            case "pool" -> s -> FullSize.poolBranch(s, classes);
            case "bnpool" -> s -> FullSize.bnPoolBranch(s, classes);
            default -> Backbones::branch;
        };
    }

    static String exitWords(String exit, int classes) {
        return switch (exit) {
            case "pool" -> "AdaptiveAvgPool2d(2) + Linear(4C, " + classes + ") (CARPEX's and seed 001's exit block)";
            case "bnpool" -> "BatchNorm2d(C) + AdaptiveAvgPool2d(1) + Linear(C, " + classes + ") (seed 000's 'bnpool' exit)";
            default -> "BatchNorm + average pooling to at most 2x2 + Linear (the models module's exit block)";
        };
    }

    static String shape(long[] s) {
        return String.join("x", Arrays.stream(s).mapToObj(Long::toString).toList());
    }
}
