package org.eesim.training;

import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.copyTree;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training profile format (docs/training-profile-format.md): the test profile as read, every
 * shipped training profile, and one mistake per copy with the located problem it gives, in
 * training.yaml (line, column, key) and in splits.csv (line, column, the column's header name).
 */
class TrainingProfileReaderTest {

    @TempDir
    Path tmp;
    Path dir;
    Path yaml;
    Path csv;

    @BeforeEach
    void copy() throws Exception {
        dir = Files.createDirectories(tmp.resolve("tiny-training"));
        copyTree(resource("profiles/tiny-training"), dir);
        yaml = dir.resolve("training.yaml");
        csv = dir.resolve("splits.csv");
    }

    List<Problem> problems() {
        return assertThrows(ProblemsException.class, () -> TrainingProfileReader.read(dir)).problems();
    }

    @Test
    void theTestProfileAsWritten() throws Exception {
        TrainingProfile p = TrainingProfileReader.read(dir);
        assertEquals(4, p.layers());
        assertEquals(5, p.splits().size());
        assertEquals(List.of(0, 1, 2), p.splitPoints().stream().map(TrainingProfile.Split::split).toList());
        TrainingProfile.Split cloudOnly = p.row(-1);
        assertEquals(1000, cloudOnly.featureBytes());
        assertTrue(Double.isNaN(cloudOnly.quantiseSeconds()));
        assertEquals(0.04, p.row(0).edgeForwardSeconds());
        assertTrue(!p.row(2).forwardMeasured(), "empty: the seed's lumped T1");
        assertEquals(3, p.edgeOnly());
        assertEquals(64, p.sha256().length());
    }

    @Test
    void theHashFollowsTheContent() throws Exception {
        String before = TrainingProfileReader.read(dir).sha256();
        edit(csv, "0.3,0.1,800", "0.3,0.1,801");
        assertNotEquals(before, TrainingProfileReader.read(dir).sha256());
    }

    @Test
    void everyShippedTrainingProfileReads() throws Exception {
        List<Path> dirs;
        try (var list = Files.list(Path.of("..", "profiles"))) {
            dirs = list.filter(TrainingProfileReader::isTrainingProfile).sorted().toList();
        }
        assertTrue(dirs.size() >= 9, "the imported seed 004 profiles and ours: " + dirs);
        assertTrue(dirs.contains(Path.of("..", "profiles", "split-alexnet-fmnist")), "measured in DJL: " + dirs);
        for (Path d : dirs) {
            TrainingProfile p = TrainingProfileReader.read(d);
            assertEquals(d.getFileName().toString(), p.name());
            assertTrue(p.has(p.edgeOnly()), d + " has its edge-only row");
        }
    }

    /**
     * Our DJL-measured profile (AlexNet, width 0.25, 28 px): the sizes follow from the network's
     * shapes by hand. Batch 32 fp32: the input 1x28x28, conv1's output 16x14x14, conv2's 48x7x7
     * (the cut of the staleness runs, split 1); conv1 holds 16·1·5·5 weights (1,600 bytes) and
     * conv2 48·16·5·5 (76,800 bytes), no biases. Every time is positive at a real split and the
     * forward is a part of the edge's time.
     */
    @Test
    void ourMeasuredAlexNetProfile() throws Exception {
        TrainingProfile p = TrainingProfileReader.read(Path.of("..", "profiles", "split-alexnet-fmnist"));
        assertEquals(32, p.batchSize());
        assertEquals(8, p.layers());
        assertEquals(4L * 32 * 28 * 28, p.inputBytes());
        assertEquals(4L * 32 * 28 * 28, p.row(TrainingProfile.CLOUD_ONLY).featureBytes());
        assertEquals(4L * 32 * 16 * 14 * 14, p.row(0).featureBytes());
        assertEquals(4L * 32 * 48 * 7 * 7, p.row(1).featureBytes());
        assertEquals(1600 + 76800, p.row(1).edgeParamBytes());
        for (TrainingProfile.Split s : p.splitPoints()) {
            assertTrue(s.edgeSeconds() > 0 && s.cloudSeconds() > 0, "split " + s.split());
            assertTrue(s.edgeForwardSeconds() > 0 && s.edgeForwardSeconds() < s.edgeSeconds(), "split " + s.split());
        }
        assertEquals(p.row(TrainingProfile.CLOUD_ONLY).cloudSeconds(), p.row(p.edgeOnly()).edgeSeconds(), 0,
                "both end rows hold the one unsplit step");
    }

    @Test
    void aWrongFormat() {
        int line = lineOf(yaml, "format:");
        edit(yaml, "eesim-training-profile/1", "eesim-profile/1");
        assertProblem(problems(), yaml, line, "format", "unsupported format 'eesim-profile/1' (this version reads"
                + " eesim-training-profile/1)");
    }

    @Test
    void measuredOnNamesEveryColumnWithValues() {
        edit(yaml, "  quantise_time_s: \"nothing: made up\"\n", "");
        assertProblem(problems(), yaml, lineOf(yaml, "edge_time_s:"), "measured_on",
                "measured_on must say which machine quantise_time_s was measured on");
    }

    @Test
    void provenanceWithAMachinesPath() {
        edit(yaml, "written by hand for sim-core's tests", "copied from /home/me/profiles/x.csv");
        assertProblem(problems(), yaml, lineOf(yaml, "source:"), "provenance.source",
                "repository-relative paths, not '/home/me/profiles/x.csv'");
    }

    @Test
    void aMissingColumn() {
        edit(csv, ",edge_param_bytes,", ",");
        assertProblem(problems(), csv, 1, "edge_param_bytes", "missing column 'edge_param_bytes'");
    }

    @Test
    void anUnknownColumn() {
        edit(csv, "edge_forward_time_s", "edge_fwd_s");
        Problem p = assertProblem(problems(), csv, 1, "edge_fwd_s", "unknown column 'edge_fwd_s'");
        assertEquals(79, p.column(), "1-based: the e of edge_fwd_s");
    }

    @Test
    void aCellThatIsNotANumber() {
        edit(csv, "0,0.1,0.3,4000", "0,0.1,0.3,4k");
        Problem p = assertProblem(problems(), csv, 3, "feature_bytes", "feature_bytes must be a whole number of bytes,"
                + " got '4k'");
        assertEquals(11, p.column());
    }

    @Test
    void aNegativeTime() {
        edit(csv, "1,0.2,0.2", "1,-0.2,0.2");
        assertProblem(problems(), csv, 4, "edge_time_s", "edge_time_s must be a number of seconds >= 0, got '-0.2'");
    }

    @Test
    void aSplitOutOfRange() {
        edit(csv, "3,0.35,0,0", "4,0.35,0,0");
        assertProblem(problems(), csv, 6, "split", "split must be in -1..3 (layers: 4; -1 is cloud-only, 3 edge-only)");
    }

    @Test
    void splitsIncrease() {
        edit(csv, "2,0.3,0.1,800", "0,0.3,0.1,800");
        assertProblem(problems(), csv, 5, "split", "splits must increase: 0 after 1");
    }

    @Test
    void theEdgeOnlyRowSendsNothing() {
        edit(csv, "3,0.35,0,0", "3,0.35,0.1,0");
        assertProblem(problems(), csv, 6, "split", "split 3 is edge-only (layers: 4): its cloud_time_s and"
                + " feature_bytes must be 0");
    }

    @Test
    void theCloudOnlyRowHoldsNoLayer() {
        edit(csv, "-1,0,0.4,1000,,0,", "-1,0,0.4,1000,,5,");
        assertProblem(problems(), csv, 2, "edge_param_bytes", "split -1 is cloud-only");
    }

    @Test
    void edgeParametersDoNotDecrease() {
        edit(csv, "0.2,0.2,2000,0.005,300", "0.2,0.2,2000,0.005,50");
        assertProblem(problems(), csv, 4, "edge_param_bytes", "edge_param_bytes must not decrease with the split");
    }

    @Test
    void theForwardIsPartOfTheEdgeTime() {
        edit(csv, "0.01,100,0.04", "0.01,100,0.4");
        assertProblem(problems(), csv, 3, "edge_forward_time_s", "cannot exceed it");
    }

    @Test
    void aMissingTable() throws Exception {
        Files.delete(csv);
        assertProblem(problems(), csv, 0, "", "file not found");
    }
}
