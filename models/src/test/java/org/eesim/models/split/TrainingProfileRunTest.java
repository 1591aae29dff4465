package org.eesim.models.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.NetLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training profile of the tiny network, timed with a load rule that accepts anything (the
 * numbers are not the point here): every split present, sizes that follow from the shapes,
 * parameter bytes that add up, and the unsplit step in both end rows.
 */
class TrainingProfileRunTest {

    @TempDir
    Path dir;

    @Test
    void writesAConsistentTrainingProfile() throws Exception {
        int batch = 8;
        Path out = new TrainingProfileRun(new TrainingProfileRun.Options("tiny", 1, "t", batch, 1, 4, 1,
                "fashion-mnist", null, dir, true), TrainingProfileRun.NO_RULE, new PrintStream(new ByteArrayOutputStream())).run();
        List<NetLayer> layers = Backbones.tinyResidual(new long[] {1, 28, 28});
        List<String> splits = Files.readAllLines(out.resolve("splits.csv"));
        assertEquals("split,edge_time_s,cloud_time_s,feature_bytes,quantise_time_s,edge_param_bytes,edge_forward_time_s",
                splits.get(0));
        assertEquals(layers.size() + 1, splits.size() - 1, "rows -1 .. layers-1");
        List<String> layerRows = Files.readAllLines(out.resolve("layers.csv"));
        assertEquals(layers.size() + 1, layerRows.size());
        long params = 0;
        for (int i = -1; i < layers.size(); i++) {
            String[] c = splits.get(i + 2).split(",", -1);
            assertEquals(Integer.toString(i), c[0]);
            double edge = Double.parseDouble(c[1]);
            double cloud = Double.parseDouble(c[2]);
            long feature = Long.parseLong(c[3]);
            long edgeParams = Long.parseLong(c[5]);
            if (i == -1) {
                assertEquals(0, edge);
                assertEquals(4L * batch * 28 * 28, feature);
                assertEquals(0, edgeParams);
            } else if (i == layers.size() - 1) {
                assertEquals(0, cloud);
                assertEquals(0, feature);
                assertEquals(Double.parseDouble(splits.get(1).split(",")[2]), edge, 0, "the unsplit step in both ends");
            } else {
                long[] shape = layers.get(i).outputShape();
                long values = 1;
                for (long d : shape) {
                    values *= d;
                }
                assertEquals(4L * batch * values, feature, "feature bytes at split " + i);
                double forward = Double.parseDouble(c[6]);
                assertTrue(edge > 0 && cloud > 0 && forward > 0 && forward < edge, splits.get(i + 2));
                assertTrue(Double.parseDouble(c[4]) > 0, "quantise time at split " + i);
            }
            if (i >= 0) {
                params += Long.parseLong(layerRows.get(i + 1).split(",")[4]);
                assertEquals(params, edgeParams, "edge parameter bytes at split " + i);
            }
        }
        // the tiny network's parameters: stem conv 8·9 + BN 4·8; res1 two convs 8·8·9 and two BNs;
        // conv2 16·8·9 + BN 4·16; head 16·10 + 10
        assertEquals(4L * (72 + 32 + 2 * 576 + 2 * 32 + 1152 + 64 + 170), params);
        String yaml = Files.readString(out.resolve("training.yaml"));
        assertTrue(yaml.contains("format: eesim-training-profile/1"), yaml);
        assertTrue(yaml.contains("layers: " + layers.size()) && yaml.contains("batch_size: " + batch), yaml);
        assertTrue(yaml.contains("input_bytes: " + 4L * batch * 784), yaml);
        assertTrue(!yaml.contains("/tmp/") && !yaml.contains("/work/"), "no machine paths in provenance");
        assertTrue(yaml.contains(", " + TrainingProfileRun.machineCpus() + " logical CPUs"), "the machine's CPUs: " + yaml);
        assertTrue(yaml.contains("drift_series:"), yaml);
        assertEquals(1 + (layers.size() - 1) * 4 + 4, Files.readAllLines(out.resolve("samples.csv")).size());
    }

    /**
     * The provenance names the machine's CPUs, not the ones the timing process is pinned to
     * (under taskset -c 1 the JVM sees one processor; the profile of 2 Dec 2026 says "1 logical
     * CPUs" for that reason).
     */
    @Test
    void theMachinesCpusNotThePinnedOnes() {
        int machine = TrainingProfileRun.machineCpus();
        assertTrue(machine >= Runtime.getRuntime().availableProcessors(), "machine " + machine);
        String affinity = TrainingProfileRun.affinity();
        assertTrue(affinity.matches("CPUs? [0-9,-]+ of the machine's " + machine), affinity);
    }
}
