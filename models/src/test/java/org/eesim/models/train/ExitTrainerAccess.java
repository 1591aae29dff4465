package org.eesim.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.eesim.models.data.ImageSet;

/** Test access to ExitTrainer's batching helpers (for the NanProbe diagnostic). */
public final class ExitTrainerAccess {

    private ExitTrainerAccess() {
    }

    public static NDArray images(NDManager m, ImageSet data, int[] order, int from, int to) {
        return ExitTrainer.images(m, data, order, from, to);
    }

    public static NDArray labels(NDManager m, ImageSet data, int[] order, int from, int to) {
        return ExitTrainer.labels(m, data, order, from, to);
    }

    public static int[] permutation(int n, SplittableRandom random) {
        return ExitTrainer.permutation(n, random);
    }
}
