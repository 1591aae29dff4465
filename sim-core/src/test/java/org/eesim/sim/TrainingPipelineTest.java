package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.BandwidthVariation;
import org.eesim.scenario.Link;
import org.eesim.scenario.Output;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Training;
import org.eesim.training.Pipeline;
import org.eesim.training.SplitEngine;
import org.eesim.training.TrainingProfile;
import org.eesim.training.TrainingProfileReader;
import org.junit.jupiter.api.Test;

/**
 * The training pipeline's parts the closed form does not cover, each against a timeline worked
 * out by hand (in the comments) or a property it must have: the upload queue's blocking, an edge
 * whose replay and backward run when the gradient returns, epochs that drain, the warm-up, the
 * end rows (edge-only, cloud-only), the edge's memory, the engine moving the split when the
 * bandwidth drops, and replications on a random link.
 */
class TrainingPipelineTest {

    static final long BYTES = 1_000_000;

    @Test
    void aFullUploadQueueBlocksTheEdge() {
        // T = [1, 3, 0, ~0], K = 10, at most 1 feature waiting, 4 iterations. Forward 0 ends at 1 and
        // is sent 1-4; forward 1 ends at 2 and waits; forward 2 ends at 3 and finds the queue full:
        // the edge blocks until 4, when feature 1 starts; forward 3 runs 4-5 and blocks until 7.
        // Sends: 1-4, 4-7, 7-10, 10-13. Blocked 1 + 2 = 3 s of 13.
        double[] t = {1, 3, 0, 1e-9};
        double[] bps = TrainingFixtures.rates(t, BYTES);
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, Double.NaN);
        Map<String, Double> m = TrainingFixtures.run(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0), 10, 4,
                bps[0], bps[1], 1, false));
        assertEquals(13, m.get("training.seconds"), 1e-6);
        assertEquals(3 / 13.0, m.get("training.edge_blocked"), 1e-6);
        Map<String, Double> free = TrainingFixtures.run(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0), 10, 4,
                bps[0], bps[1], Integer.MAX_VALUE, false));
        assertEquals(13, free.get("training.seconds"), 1e-6, "the uplink sets the pace either way");
        assertEquals(0.0, free.get("training.edge_blocked"));
    }

    @Test
    void replayAndBackwardRunWhenTheGradientReturns() {
        // forward 1 s, replay + backward 0.5 s, T2 = T3 = T4 = 1, K = 1, 3 iterations:
        // i0: fwd 0-1, up 1-2, cloud 2-3, down 3-4, bwd 4-4.5 (finished: i2 may start)
        // i1: fwd 1-2, up 2-3, cloud 3-4, down 4-5, bwd waits for fwd i2 (4.5-5.5): 5.5-6
        // i2: up 5.5-6.5, cloud 6.5-7.5, down 7.5-8.5, bwd 8.5-9.
        double[] t = {1.5, 1, 1, 1};
        double[] bps = TrainingFixtures.rates(t, BYTES);
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, 1.0);
        Map<String, Double> m = TrainingFixtures.run(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0), 1, 3,
                bps[0], bps[1], Integer.MAX_VALUE, false));
        assertEquals(9, m.get("training.seconds"), 1e-9);
        assertEquals(4.5 / 9, m.get("util.edge"), 1e-9);
        assertEquals(2 / 3.0, m.get("training.staleness.mean"), 1e-12, "i0 and i1 are 1 stale, i2 is not");
    }

    @Test
    void epochsDrainAndTheWarmupIsLeftOut() {
        double[] t = {0.1, 0.3, 0.2, 0.25};
        double[] bps = TrainingFixtures.rates(t, BYTES);
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, Double.NaN);
        Link up = new Link(bps[0], 0, true);
        Link down = new Link(bps[1], 0, true);
        // two epochs of 5, K = 3: each epoch is a pipeline of its own, 4 T* + T0
        Training two = new Training(p, 10, 5, 2, 160L, 3, false, false, 0.0, Integer.MAX_VALUE, true,
                TrainingFixtures.fixed(0), up, down);
        Scenario s = new Scenario("epochs", Path.of("epochs.yaml"), two,
                new RunControl(new RunControl.Span.Requests(10), new RunControl.Span.Requests(0), 1, 1),
                new Output(Path.of("results"), null));
        Map<String, Double> m = TrainingFixtures.run(s);
        double epoch = 4 * 0.3 + 0.85;
        assertEquals(2 * epoch, m.get("training.seconds"), 1e-9);
        assertEquals(epoch, m.get("training.epoch_seconds"), 1e-9);
        // 100 iterations, 10 of warm-up: a deep pipeline then runs at its bottleneck, T* = 0.3
        Map<String, Double> w = TrainingFixtures.run(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0), 3, 100,
                up, down, Integer.MAX_VALUE, false, 10));
        assertEquals(0.3, w.get("training.seconds_per_iteration"), 1e-12);
        assertEquals(32 / 0.3, w.get("training.throughput"), 1e-9);
    }

    @Test
    void theEndRows() throws Exception {
        TrainingProfile p = TrainingProfileReader.read(org.eesim.yaml.ProblemAssertions.resource("profiles/tiny-training"));
        double bps = 8e6; // 1 MB/s
        Training.Policy edgeOnly = new Training.Policy(Training.Kind.EDGE_ONLY, 3, 0.8, 1);
        Map<String, Double> e = TrainingFixtures.run(TrainingFixtures.scenario(p, edgeOnly, 0, 20, bps, bps, 5, false));
        assertEquals(20 * 0.35, e.get("training.seconds"), 1e-12);
        assertEquals(0.0, e.get("bytes.uplink") + e.get("bytes.downlink"));
        // cloud-only: the 1000-byte input up (1 ms), 0.4 s in the cloud, nothing down; K = 2
        Training.Policy cloudOnly = new Training.Policy(Training.Kind.CLOUD_ONLY, -1, 0.8, 1);
        Map<String, Double> c = TrainingFixtures.run(TrainingFixtures.scenario(p, cloudOnly, 2, 20, bps, bps, 5, false));
        assertEquals(Pipeline.seconds(new double[] {0, 0.001, 0.4, 0}, 2, 20), c.get("training.seconds"), 1e-9);
        assertEquals(1000.0, c.get("bytes.uplink"));
        assertEquals(0.0, c.get("bytes.downlink"));
        assertEquals(-1.0, c.get("training.split.last"));
    }

    @Test
    void theEdgeHoldsItsSliceAndKPlusOneBatchesAndErrors() {
        // the uplink is the bottleneck, so K + 1 = 3 iterations are in flight at once
        double[] t = {0.1, 1, 0.1, 0.1};
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, Double.NaN);
        double bps = BYTES / 4.0 * 8 / t[1]; // int8 sends a quarter
        Map<String, Double> m = TrainingFixtures.run(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0), 2, 20, bps,
                BYTES * 8 / t[3], Integer.MAX_VALUE, true));
        // the slice (100 B) plus 3 x (input batch 1000 B + a feature-sized error 1e6 B)
        assertEquals(100 + 3 * (1000 + BYTES), m.get("memory.edge_peak"));
        assertEquals(1.0, m.get("training.int8"));
        assertEquals(BYTES / 4.0, m.get("bytes.uplink"));
        assertEquals((double) BYTES, m.get("bytes.downlink"), "the gradient comes back fp32");
    }

    /**
     * MobileNetV3-large on seed 004's profile, K = 4, the link falling from 50 to 5 MiB/s after
     * 60 s: the engine moves the split (draining first and sending the layers) to where it
     * would choose at 5 MiB/s, and ends there.
     */
    @Test
    void theEngineMovesTheSplitWhenTheBandwidthDrops() throws Exception {
        TrainingProfile p = TrainingProfileReader.read(Path.of("..", "profiles", "cac-mobilenetv3-large-tx2"));
        double mib = 8 << 20;
        BandwidthVariation drop = new BandwidthVariation.Trace(Path.of("drop.csv"), new double[] {0, 60},
                new double[] {50 * mib, 5 * mib});
        Link link = new Link(50 * mib, 0, true, 0, drop);
        Training.Policy engine = new Training.Policy(Training.Kind.ENGINE, 0, 0.8, 1563);
        Training t = new Training(p, 2000, 2000, null, null, 4, true, true, 0.0, 5, false, engine, link, link);
        Scenario s = new Scenario("drop", Path.of("drop.yaml"), t,
                new RunControl(new RunControl.Span.Requests(2000), new RunControl.Span.Requests(0), 1, 1),
                new Output(Path.of("results"), null));
        Map<String, Double> m = TrainingFixtures.run(s);
        int atFive = -1;
        for (double remain : new double[] {5, 50, 500, 1e6}) { // the choice does not hang on remain
            int c = SplitEngine.decide(p, 5 * mib / 8, 5 * mib / 8, 1, 4, remain, true, x -> 0.0).split();
            assertTrue(atFive == -1 || atFive == c);
            atFive = c;
        }
        assertEquals(atFive, m.get("training.split.last"));
        assertTrue(m.get("training.changes") >= 2, "to the 50 MiB/s split, then the 5 MiB/s one: " + m);
        assertTrue(m.get("training.drain_seconds") > 0 && m.get("training.migration_seconds") > 0);
        long moved = Math.abs(p.row(atFive).edgeParamBytes() - p.row(0).edgeParamBytes());
        assertTrue(m.get("training.migration_bytes") >= moved, "at least the net move: " + m);
    }

    static final org.eesim.scenario.Energy POWER = new org.eesim.scenario.Energy(
            new org.eesim.scenario.Energy.TierPower(2, 10), null, new org.eesim.scenario.Energy.TierPower(100, 300),
            new org.eesim.scenario.Energy.Radio(1, 0.1, 0.5, 0.05, 0.2, 0.3));

    static Scenario withEnergy(Scenario s, org.eesim.scenario.Energy e) {
        return new Scenario(s.name(), s.sourceFile(), s.training(), s.run(), s.output(), e);
    }

    @Test
    void edgeEnergyInTheSerialSchedule() {
        // K = 0, T = [1, 2, 1, 3]: each iteration is 7 s: the edge computes 1 s (8 W above idle),
        // sends 2 s (1 W + 0.1 J/Mbit), waits 1 s (a 0.2 s tail at 0.3 W), receives 3 s (0.5 W +
        // 0.05 J/Mbit), waits 1 s (another tail) before the next forward; the last tail counts whole.
        double[] t = {1, 2, 1, 3};
        double[] bps = TrainingFixtures.rates(t, BYTES);
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, Double.NaN);
        Map<String, Double> m = TrainingFixtures.run(withEnergy(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0),
                0, 5, bps[0], bps[1], 5, false), POWER));
        double mbit = BYTES * 8 / 1e6;
        double radio = 1 * 2 + 0.1 * mbit + 0.5 * 3 + 0.05 * mbit + 0.3 * 0.4;
        assertEquals(radio, m.get("energy.edge_radio"), 1e-12);
        assertEquals(8 + radio, m.get("energy.edge"), 1e-12);
        assertEquals(2 * 7.0, m.get("energy.edge_idle"), 1e-12);
        assertEquals(200.0, m.get("energy.cloud"), 1e-12);
        assertEquals(100 * 7.0, m.get("energy.cloud_idle"), 1e-12);
    }

    @Test
    void sendingAndReceivingAtOnceCostOneRadio() {
        // T = [0.1, 0.5, 0.1, 1], K = 3: the uplink sends from 0.1 s, the downlink receives from 0.7 s
        // until the end without a pause (it is the bottleneck), so the radio is busy from 0.1 s to the
        // end, once; with the same power both ways and no per-bit or tail energy, beta x that span.
        double[] t = {0.1, 0.5, 0.1, 1};
        double[] bps = TrainingFixtures.rates(t, BYTES);
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, Double.NaN);
        var beta = new org.eesim.scenario.Energy(new org.eesim.scenario.Energy.TierPower(2, 10), null,
                new org.eesim.scenario.Energy.TierPower(100, 300), new org.eesim.scenario.Energy.Radio(0.7, 0, 0.7, 0, 0, 0));
        int r = 30;
        Map<String, Double> m = TrainingFixtures.run(withEnergy(TrainingFixtures.scenario(p, TrainingFixtures.fixed(0),
                3, r, bps[0], bps[1], 5, false), beta));
        double span = m.get("training.seconds") - 0.1;
        assertEquals(0.7 * span / r, m.get("energy.edge_radio"), 1e-9);
        assertTrue(0.7 * (0.5 + 1) > m.get("energy.edge_radio"), "less than both charged apart");
    }

    @Test
    void replicationsOfARandomLinkDifferAndRepeat() {
        double[] t = {0.1, 0.3, 0.2, 0.25};
        TrainingProfile p = TrainingFixtures.oneSplit(t, BYTES, Double.NaN);
        Link markov = new Link(8e6, 0.002, true, 0.001,
                new BandwidthVariation.Markov(new double[] {8e6, 2e6}, new double[] {1, 1}));
        Training tr = new Training(p, 200, 200, null, null, 2, false, false, 0.0, 5, false, TrainingFixtures.fixed(0),
                markov, markov);
        Scenario s = new Scenario("markov", Path.of("markov.yaml"), tr,
                new RunControl(new RunControl.Span.Requests(200), new RunControl.Span.Requests(0), 3, 5),
                new Output(Path.of("results"), null));
        List<ReplicationRunner.Outcome> a = Runs.of(s, 2);
        List<ReplicationRunner.Outcome> b = Runs.of(s, 1);
        assertEquals(a.get(0).metrics(), b.get(0).metrics(), "the same seed, the same numbers, whatever the threads");
        assertNotEquals(a.get(0).metrics().get("training.seconds"), a.get(1).metrics().get("training.seconds"));
    }
}
