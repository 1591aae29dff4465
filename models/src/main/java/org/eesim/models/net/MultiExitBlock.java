package org.eesim.models.net;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A backbone with side branches; forward returns one logits array per exit, side exits first in
 * network order, the final exit last. With the backbone frozen, its layers run in inference mode
 * (BatchNorm keeps its running statistics) while the branches train.
 */
public final class MultiExitBlock extends AbstractBlock {

    private final List<NetLayer> layers;
    private final List<Block> branches = new ArrayList<>();
    private final List<Integer> branchAfter;
    private boolean backboneFrozen;

    public MultiExitBlock(List<NetLayer> layers, List<Integer> branchAfter) {
        this(layers, branchAfter, Backbones::branch);
    }

    /** With side branches built by {@code branch} from the shape of the layer each follows. */
    public MultiExitBlock(List<NetLayer> layers, List<Integer> branchAfter,
            java.util.function.Function<long[], Stage> branch) {
        super((byte) 1);
        this.layers = List.copyOf(layers);
        this.branchAfter = List.copyOf(branchAfter);
        for (int k = 0; k < layers.size(); k++) {
            addChildBlock("L" + (k + 1) + "_" + layers.get(k).name().replace('.', '_'), layers.get(k).block());
        }
        for (int i = 0; i < branchAfter.size(); i++) {
            Block b = branch.apply(layers.get(branchAfter.get(i)).outputShape()).block();
            branches.add(addChildBlock("B" + (i + 1), b));
        }
    }

    public List<NetLayer> layers() {
        return layers;
    }

    public List<Block> branches() {
        return List.copyOf(branches);
    }

    public List<Integer> branchAfter() {
        return branchAfter;
    }

    public int exitCount() {
        return branches.size() + 1;
    }

    /** Freezes (or thaws) every backbone parameter and switches its layers to inference mode. */
    public void freezeBackbone(boolean frozen) {
        backboneFrozen = frozen;
        for (NetLayer layer : layers) {
            layer.block().freezeParameters(frozen, MultiExitBlock::trainable);
        }
    }

    /**
     * Whether autograd may track a parameter: not BatchNorm's running statistics (PyTorch refuses
     * gradients for them), which DJL's plain freezeParameters(false) would switch on.
     */
    public static boolean trainable(Parameter p) {
        return p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList x = inputs;
        NDList out = new NDList(exitCount());
        int next = 0;
        for (int k = 0; k < layers.size(); k++) {
            x = layers.get(k).block().forward(ps, x, training && !backboneFrozen, params);
            if (next < branchAfter.size() && branchAfter.get(next) == k) {
                out.add(branches.get(next).forward(ps, x, training, params).singletonOrThrow());
                next++;
            }
        }
        out.add(x.singletonOrThrow());
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] x = inputShapes;
        List<Shape> out = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < layers.size(); k++) {
            x = layers.get(k).block().getOutputShapes(x);
            if (next < branchAfter.size() && branchAfter.get(next) == k) {
                out.add(branches.get(next).getOutputShapes(x)[0]);
                next++;
            }
        }
        out.add(x[0]);
        return out.toArray(new Shape[0]);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] x = inputShapes;
        int next = 0;
        for (int k = 0; k < layers.size(); k++) {
            Block layer = layers.get(k).block();
            layer.initialize(manager, dataType, x);
            x = layer.getOutputShapes(x);
            if (next < branchAfter.size() && branchAfter.get(next) == k) {
                branches.get(next).initialize(manager, dataType, x);
                next++;
            }
        }
    }
}
