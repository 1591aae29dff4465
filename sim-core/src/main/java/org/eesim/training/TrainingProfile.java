package org.eesim.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One network trained split between an edge and a cloud, at one batch size, on one pair of
 * machines (docs/training-profile-format.md): per split point, one iteration's compute on each
 * side and what crosses the link. Read by {@link TrainingProfileReader}.
 *
 * @param name         the profile's name
 * @param description  one line
 * @param provenance   where the numbers come from (free keys)
 * @param batchSize    samples per iteration the times were measured at
 * @param elementBytes bytes per element of an unquantised feature (int8 sends one per element)
 * @param layers       layers 0..layers-1; split layers-1 is edge-only, -1 cloud-only
 * @param inputBytes   one input batch as the edge keeps it for replay (0 when not given)
 * @param measuredOn   time column to the machine it was measured on
 * @param splits       the rows, in increasing split order
 * @param sha256       hash of training.yaml and splits.csv
 */
public record TrainingProfile(String name, String description, Map<String, String> provenance, int batchSize,
                              int elementBytes, int layers, long inputBytes, Map<String, String> measuredOn,
                              List<Split> splits, String sha256) {

    /** The split that runs every layer in the cloud. */
    public static final int CLOUD_ONLY = -1;

    /**
     * One row of splits.csv.
     *
     * @param split          layers 0..split on the edge (-1: none; layers-1: all)
     * @param edgeSeconds    T1's compute: edge forward, replay and backward of layers 0..split
     * @param cloudSeconds   T3's compute: cloud forward, backward and update of the rest
     * @param featureBytes   the fp32 feature (and gradient) per batch at the cut; the input batch
     *                       for cloud-only; 0 for edge-only
     * @param quantiseSeconds int8 quantisation of that feature on the edge; NaN when not measured
     * @param edgeParamBytes parameter bytes of layers 0..split
     * @param edgeForwardSeconds the part of edgeSeconds before the upload; NaN: all of it (the
     *                       seed's lumped T1)
     */
    public record Split(int split, double edgeSeconds, double cloudSeconds, long featureBytes, double quantiseSeconds,
                        long edgeParamBytes, double edgeForwardSeconds) {

        public Split {
            nonNegative(edgeSeconds, "edge time");
            nonNegative(cloudSeconds, "cloud time");
            if (featureBytes < 0 || edgeParamBytes < 0) {
                throw new IllegalArgumentException("byte counts must be >= 0");
            }
            if (!Double.isNaN(quantiseSeconds)) {
                nonNegative(quantiseSeconds, "quantise time");
            }
            if (!Double.isNaN(edgeForwardSeconds) && !(edgeForwardSeconds >= 0 && edgeForwardSeconds <= edgeSeconds)) {
                throw new IllegalArgumentException("edge forward time must be in [0, edge time], got " + edgeForwardSeconds);
            }
        }

        /** The quantise time, 0 when not measured. */
        public double quantiseOrZero() {
            return Double.isNaN(quantiseSeconds) ? 0 : quantiseSeconds;
        }

        /** Whether the edge's time is split into a forward and a replay-and-backward part. */
        public boolean forwardMeasured() {
            return !Double.isNaN(edgeForwardSeconds);
        }
    }

    public TrainingProfile {
        Objects.requireNonNull(name, "name");
        provenance = Map.copyOf(provenance);
        measuredOn = Map.copyOf(measuredOn);
        splits = List.copyOf(splits);
        if (batchSize < 1 || elementBytes < 1 || layers < 2 || inputBytes < 0) {
            throw new IllegalArgumentException("batch size, element bytes >= 1, layers >= 2, input bytes >= 0");
        }
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("a training profile needs at least one split");
        }
        int previous = Integer.MIN_VALUE;
        long params = 0;
        for (Split s : splits) {
            if (s.split() <= previous || s.split() < CLOUD_ONLY || s.split() > layers - 1) {
                throw new IllegalArgumentException("splits must increase within -1.." + (layers - 1) + ", got " + s.split());
            }
            if (s.edgeParamBytes() < params) {
                throw new IllegalArgumentException("edge parameter bytes must not decrease, split " + s.split());
            }
            previous = s.split();
            params = s.edgeParamBytes();
        }
    }

    /** The split that runs every layer on the edge. */
    public int edgeOnly() {
        return layers - 1;
    }

    /** The row of split {@code split}, or null when the profile has none. */
    public Split row(int split) {
        for (Split s : splits) {
            if (s.split() == split) {
                return s;
            }
        }
        return null;
    }

    public boolean has(int split) {
        return row(split) != null;
    }

    /** The rows that are split points proper (both sides compute, a feature crosses): 0..layers-2. */
    public List<Split> splitPoints() {
        List<Split> out = new ArrayList<>();
        for (Split s : splits) {
            if (s.split() >= 0 && s.split() < layers - 1) {
                out.add(s);
            }
        }
        return out;
    }

    private static void nonNegative(double v, String what) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be >= 0 and finite, got " + v);
        }
    }
}
