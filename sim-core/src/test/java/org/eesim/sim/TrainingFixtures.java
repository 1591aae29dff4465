package org.eesim.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.Link;
import org.eesim.scenario.Output;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Training;
import org.eesim.training.TrainingProfile;

/** Training profiles and scenarios built in code, so model tests do not depend on the file readers. */
public final class TrainingFixtures {

    private TrainingFixtures() {
    }

    /**
     * A two-layer network with one split point (split 0) whose four stages take exactly {@code t}
     * seconds at {@code bytes} feature bytes over links of the rates {@link #rates} gives.
     */
    public static TrainingProfile oneSplit(double[] t, long bytes, double forwardSeconds) {
        return new TrainingProfile("one-split", "", Map.of(), 32, 4, 2, 1000, Map.of(),
                List.of(new TrainingProfile.Split(0, t[0], t[2], bytes, Double.NaN, 100, forwardSeconds)), "test");
    }

    /** {uplink, downlink} bits per second that make {@code bytes} take t[1] and t[3] seconds. */
    public static double[] rates(double[] t, long bytes) {
        return new double[] {bytes * 8.0 / t[1], bytes * 8.0 / t[3]};
    }

    /** A profile from rows {edge s, cloud s, feature bytes, quantise s, param bytes}; the last row is edge-only. */
    public static TrainingProfile profile(double[][] rows, double edgeOnlySeconds, long totalParams) {
        List<TrainingProfile.Split> splits = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            splits.add(new TrainingProfile.Split(i, r[0], r[1], (long) r[2], r[3], (long) r[4], Double.NaN));
        }
        splits.add(new TrainingProfile.Split(rows.length, edgeOnlySeconds, 0, 0, Double.NaN, totalParams, Double.NaN));
        return new TrainingProfile("random", "", Map.of(), 32, 4, rows.length + 1, 1000, Map.of(), splits, "test");
    }

    /** A training scenario of a fixed split, no delays, on the given profile. */
    public static Scenario scenario(TrainingProfile p, Training.Policy policy, int k, long iterations, double upBps,
                                    double downBps, int uploadQueue, boolean int8) {
        return scenario(p, policy, k, iterations, new Link(upBps, 0, true), new Link(downBps, 0, true), uploadQueue,
                int8, 0);
    }

    public static Scenario scenario(TrainingProfile p, Training.Policy policy, int k, long iterations, Link up,
                                    Link down, int uploadQueue, boolean int8, long warmup) {
        Training t = new Training(p, iterations, iterations, null, null, k, int8, int8, 0.0, uploadQueue, false,
                policy, up, down);
        RunControl run = new RunControl(new RunControl.Span.Requests(iterations - warmup),
                new RunControl.Span.Requests(warmup), 1, 7);
        return new Scenario("training-test", Path.of("training-test.yaml"), t, run, new Output(Path.of("results"), null));
    }

    public static Training.Policy fixed(int split) {
        return new Training.Policy(Training.Kind.FIXED, split, 0.8, 1);
    }

    /** One replication's metrics. */
    public static Map<String, Double> run(Scenario s) {
        return ReplicationRunner.run(s, 0).metrics();
    }
}
