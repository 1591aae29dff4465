package org.eesim.models.profile;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.List;
import java.util.SplittableRandom;
import org.eesim.models.data.DataSource;
import org.eesim.models.data.ImageSet;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;
import org.eesim.models.net.Placement;
import org.eesim.models.train.WeightedExitLoss;

/**
 * Diagnostic, not a test (issue 10): replays ProfileEndToEndTest's pipeline (tiny network, 400
 * training images, 1 epoch, batch 64, blur expert fine-tuning, tracing of every condition) with a
 * non-finite check after every primitive block of the forward pass, on every parameter gradient
 * after each backward and on every parameter after each optimiser step; prints the first
 * non-finite value found and where. Run by hand with the test class path:
 * {@code java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp
 * target/test-classes:target/classes:$(cat cp) org.eesim.models.profile.NanProbe [rounds]}.
 */
public final class NanProbe {

    static int found;
    static String phase;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        System.out.println("env DNNL_MAX_CPU_ISA=" + System.getenv("DNNL_MAX_CPU_ISA") + " ONEDNN_MAX_CPU_ISA="
                + System.getenv("ONEDNN_MAX_CPU_ISA") + " ATEN_CPU_CAPABILITY=" + System.getenv("ATEN_CPU_CAPABILITY"));
        RunOptions o = new RunOptions("tiny", "probe", 1, 2, "linear", List.of(), "fashion-mnist", null, 400, 100,
                300, 1, 64, 1e-3f, List.of("blur"), 1, 2, 10, 3, java.nio.file.Path.of("/tmp/probe"),
                java.nio.file.Path.of("/tmp/probe-w"), false, false);
        Splits data = Splits.of(DataSource.named("fashion-mnist", null), o);
        for (int r = 0; r < rounds; r++) {
            found = 0;
            round(o, data);
            System.out.println("round " + r + ": " + (found == 0 ? "all finite" : found + " non-finite findings"));
        }
    }

    static void round(RunOptions o, Splits data) {
        long[] input = {1, 28, 28};
        List<NetLayer> layers = Backbones.build(o.net(), o.width(), input);
        long[] flops = layers.stream().mapToLong(NetLayer::flops).toArray();
        List<Integer> after = Placement.place(flops, Placement.targets("linear", java.util.Arrays.stream(flops).sum(),
                o.branches()));
        Engine.getInstance().setRandomSeed((int) o.seed());
        MultiExitBlock block = new MultiExitBlock(layers, after);
        try (Model model = Model.newInstance("probe")) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            phase = "train standard";
            train(model, block, data.train(), WeightedExitLoss.linearWeights(block.exitCount()), o.seed(), false);
            phase = "trace standard";
            for (Conditions.Named c : Conditions.testConditions(data.test(), o.seed())) {
                trace(model, block, c.images(), c.name());
            }
            ImageSet mixed = Conditions.mixed(data.train(), "blur", o.seed() * 7919 + "blur".hashCode());
            float[] w = WeightedExitLoss.linearWeights(block.exitCount());
            w[w.length - 1] = 0;
            block.freezeBackbone(true);
            phase = "train expert-blur";
            train(model, block, mixed, w, o.seed() + 1, true);
            block.freezeBackbone(false);
            phase = "trace expert-blur";
            for (Conditions.Named c : Conditions.testConditions(data.test(), o.seed())) {
                trace(model, block, c.images(), c.name());
            }
        }
    }

    static void train(Model model, MultiExitBlock block, ImageSet data, float[] weights, long seed, boolean frozen) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedExitLoss(weights))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
        SplittableRandom random = new SplittableRandom(seed);
        try (Trainer trainer = model.newTrainer(config)) {
            int bs = 64;
            int batches = (data.size() + bs - 1) / bs;
            int[] order = org.eesim.models.train.ExitTrainerAccess.permutation(data.size(), random);
            for (int b = 0; b < batches; b++) {
                int from = b * bs;
                int to = Math.min(data.size(), from + bs);
                try (NDManager batch = trainer.getManager().newSubManager()) {
                    NDArray x = org.eesim.models.train.ExitTrainerAccess.images(batch, data, order, from, to);
                    NDArray y = org.eesim.models.train.ExitTrainerAccess.labels(batch, data, order, from, to);
                    ParameterStore ps = new ParameterStore(batch, false);
                    String where = phase + " batch " + (b + 1);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList preds = forward(block, ps, new NDList(x), true, frozen, where + " forward");
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), preds);
                        float l = loss.getFloat();
                        if (!Float.isFinite(l)) {
                            report(where + ": loss " + l);
                        }
                        gc.backward(loss);
                    }
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        NDArray a = p.getValue().getArray();
                        if (a.hasGradient() && !finite(a.getGradient())) {
                            report(where + " backward: gradient of " + p.getKey() + " " + a.getShape() + ": "
                                    + census(a.getGradient()));
                        }
                    }
                    trainer.step();
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        if (!finite(p.getValue().getArray())) {
                            report(where + " after step: parameter " + p.getKey() + ": " + census(p.getValue().getArray()));
                        }
                    }
                }
            }
        }
    }

    static void trace(Model model, MultiExitBlock block, ImageSet data, String name) {
        int[] identity = new int[data.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            for (int from = 0; from < data.size(); from += 256) {
                int to = Math.min(data.size(), from + 256);
                try (NDManager batch = m.newSubManager()) {
                    NDArray x = org.eesim.models.train.ExitTrainerAccess.images(batch, data, identity, from, to);
                    forward(block, ps, new NDList(x), false, false, phase + " " + name + " samples " + from + ".."
                            + (to - 1));
                }
            }
        }
    }

    /** MultiExitBlock.forwardInternal, block by block with checks. */
    static NDList forward(MultiExitBlock block, ParameterStore ps, NDList x, boolean training, boolean frozen,
            String where) {
        NDList out = new NDList();
        int next = 0;
        for (int k = 0; k < block.layers().size(); k++) {
            NetLayer l = block.layers().get(k);
            x = walk(l.block(), ps, x, training && !frozen, where + " " + l.name());
            if (next < block.branchAfter().size() && block.branchAfter().get(next) == k) {
                out.add(walk(block.branches().get(next), ps, x, training, where + " B" + (next + 1)).singletonOrThrow());
                next++;
            }
        }
        out.add(x.singletonOrThrow());
        return out;
    }

    static NDList walk(Block b, ParameterStore ps, NDList x, boolean training, String path) {
        if (b instanceof SequentialBlock) {
            int i = 0;
            for (Pair<String, Block> c : b.getChildren()) {
                x = walk(c.getValue(), ps, x, training, path + "/" + (i++) + ":" + c.getValue().getClass().getSimpleName());
            }
            return x;
        }
        if (b instanceof ParallelBlock) {
            List<Pair<String, Block>> ch = b.getChildren().stream().toList();
            NDList a = walk(ch.get(0).getValue(), ps, x, training, path + "/main");
            NDList s = walk(ch.get(1).getValue(), ps, x, training, path + "/shortcut");
            NDList y = new NDList(NDArrays.add(a.singletonOrThrow(), s.singletonOrThrow()));
            check(path + "/sum", x, y);
            return y;
        }
        NDList y = b.forward(ps, x, training);
        check(path, x, y);
        return y;
    }

    static void check(String path, NDList in, NDList out) {
        NDArray y = out.singletonOrThrow();
        if (!finite(y)) {
            NDArray xin = in.singletonOrThrow();
            report(path + ": output " + y.getShape() + " " + census(y) + "; input " + xin.getShape() + " "
                    + (finite(xin) ? "finite, max |x| " + xin.abs().max().getFloat() : census(xin)));
        }
    }

    static boolean finite(NDArray a) {
        return !a.isNaN().logicalOr(a.isInfinite()).any().getBoolean();
    }

    static String census(NDArray a) {
        long nan = a.isNaN().countNonzero().getLong();
        long inf = a.isInfinite().countNonzero().getLong();
        return nan + " NaN, " + inf + " Inf of " + a.size();
    }

    static void report(String what) {
        found++;
        if (found <= 6) {
            System.out.println("NON-FINITE " + what);
        }
    }
}
