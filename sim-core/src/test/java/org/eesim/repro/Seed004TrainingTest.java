package org.eesim.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.eesim.sim.ReplicationRunner;
import org.eesim.sweep.Point;
import org.eesim.sweep.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 in simulation, from the shipped scenarios (scenarios/seed-004-cac.yaml: the seed's
 * engine; seed-004-baselines.yaml: JointDNN and edge-only), one epoch of CIFAR-10 per point. The
 * simulated seconds per iteration include what the engine's prediction leaves out (the pipeline's
 * fill, the first iterations before the engine has a bandwidth estimate, the moves it makes), so
 * they are checked against the seed's predictions (ResNet-50 at 50 MB/s: 0.160 s, 7.7x edge-only,
 * 2.97x K = 0; MobileNetV3-large at 12.5 MB/s: split 4, 0.145 s) to 0.5%, which those costs stay
 * within over 1563 iterations, and the ratios to half a unit of their last digit.
 */
class Seed004TrainingTest {

    static Map<String, Double> point(String scenario, String... values) throws Exception {
        SweepPlan plan = SweepPlan.read(Path.of("../scenarios/" + scenario));
        for (Point p : plan.points()) {
            String id = p.identity();
            boolean all = true;
            for (String v : values) {
                all &= id.contains(v);
            }
            if (all) {
                return ReplicationRunner.run(p.scenario(), 0, p.seed()).metrics();
            }
        }
        throw new AssertionError("no point of " + scenario + " has " + String.join(", ", values));
    }

    @Test
    void resnet50At50MiBPerSecond() throws Exception {
        Map<String, Double> engine = point("seed-004-cac.yaml", "resnet50", "staleness=4", "=50 MiB/s");
        double s = engine.get("training.seconds_per_iteration");
        assertEquals(0.160, s, 0.005 * 0.160);
        assertEquals(0.0, engine.get("training.split.last"));
        assertEquals(4.0, engine.get("training.staleness.max"));
        double edge = point("seed-004-baselines.yaml", "resnet50", "edge_only", "=50 MiB/s")
                .get("training.seconds_per_iteration");
        double joint = point("seed-004-baselines.yaml", "resnet50", "jointdnn", "=50 MiB/s")
                .get("training.seconds_per_iteration");
        assertEquals(7.7, edge / s, 0.05);
        assertEquals(2.97, joint / s, 0.005);
    }

    @Test
    void mobileNetV3LargeAt12Point5MiBPerSecond() throws Exception {
        Map<String, Double> engine = point("seed-004-cac.yaml", "mobilenetv3", "staleness=4", "=12.5 MiB/s");
        assertEquals(0.145, engine.get("training.seconds_per_iteration"), 0.005 * 0.145);
        assertEquals(4.0, engine.get("training.split.last"));
        assertEquals(1.0, engine.get("training.changes"), "from split 0 to 4, once");
    }
}
