package org.eesim.scenario;

import java.util.Objects;

import org.eesim.training.TrainingProfile;

/**
 * The {@code training} section of a training scenario (docs/scenario-reference.md#training):
 * split training of one network across an edge and a cloud, the seed 004 pipeline.
 *
 * @param profile            the training profile the scenario's {@code profile} names
 * @param iterations         iterations per replication
 * @param iterationsPerEpoch iterations of one epoch (the seed's {@code len(train_dataloader)});
 *                           {@code iterations} when no epochs were given
 * @param epochs             epochs, or null when {@code iterations} was given
 * @param samplesPerEpoch    samples of one epoch as given, or null when {@code iterations} was given
 * @param staleness          K: iteration i starts only once iteration i-K-1 has finished
 * @param int8               quantise features to int8 (with the engine: int8 is among its choices)
 * @param errorFeedback      keep each in-flight iteration's quantisation error on the edge
 *                           (memory; the seed's feature replay with error feedback)
 * @param quantiseSeconds    the quantise time at every split, or null: the profile's column
 * @param uploadQueue        features that may wait for the uplink before the edge blocks
 *                           ({@link Integer#MAX_VALUE}: no limit)
 * @param drainEachEpoch     whether the pipeline drains at each epoch's end (the seed's
 *                           {@code EndTrain} round trip); false without epochs
 * @param policy             who picks the split
 * @param uplink             edge to cloud
 * @param downlink           cloud to edge (its own transmitter: the links are full duplex)
 */
public record Training(TrainingProfile profile, long iterations, long iterationsPerEpoch, Integer epochs,
                       Long samplesPerEpoch, int staleness, boolean int8, boolean errorFeedback, Double quantiseSeconds, int uploadQueue,
                       boolean drainEachEpoch, Policy policy, Link uplink, Link downlink) {

    /** Iterations past which a replication is refused: about 10^10 events, hours of computing. */
    public static final long MAX_ITERATIONS = 1_000_000_000L;

    /** The policies, by their key in the scenario. */
    public enum Kind {
        FIXED("fixed"), EDGE_ONLY("edge_only"), CLOUD_ONLY("cloud_only"), JOINTDNN("jointdnn"), ENGINE("engine");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * @param kind          which policy
     * @param split         fixed: its split; engine: the split it starts at; the others: the
     *                      split they stand for (edge-only: layers-1, cloud-only: -1; jointdnn:
     *                      -2, chosen at the start)
     * @param beta          engine: the weight of the old value in the exponential average of how
     *                      long a decision holds (the seed's 0.8)
     * @param initialRemain engine: that average's starting value (the seed: one epoch's iterations)
     */
    public record Policy(Kind kind, int split, double beta, double initialRemain) {
        public Policy {
            Objects.requireNonNull(kind, "kind");
            if (!(beta >= 0 && beta < 1) || !(initialRemain >= 1)) {
                throw new IllegalArgumentException("beta in [0, 1), initial remain >= 1");
            }
        }
    }

    public Training {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        if (iterations < 1 || iterations > MAX_ITERATIONS || iterationsPerEpoch < 1 || staleness < 0 || uploadQueue < 1) {
            throw new IllegalArgumentException("iterations in 1.." + MAX_ITERATIONS + ", K >= 0, upload queue >= 1");
        }
        if (quantiseSeconds != null && !(quantiseSeconds >= 0 && Double.isFinite(quantiseSeconds))) {
            throw new IllegalArgumentException("quantise time must be >= 0");
        }
    }

    /** The quantise time at {@code split}: the scenario's, else the profile's (0 where not measured). */
    public double quantiseAt(int split) {
        if (quantiseSeconds != null) {
            return quantiseSeconds;
        }
        TrainingProfile.Split row = profile.row(split);
        return row == null ? 0 : row.quantiseOrZero();
    }
}
