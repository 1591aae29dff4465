package org.eesim.scenario;

import static org.eesim.scenario.ScenarioFiles.problems;
import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eesim.yaml.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training section of a scenario (docs/scenario-reference.md#training), read from
 * scenarios/training.yaml and from copies with one mistake each, and the located problem each
 * mistake gives.
 */
class TrainingScenarioTest {

    @TempDir
    Path tmp;
    Path file;

    @BeforeEach
    void copy() {
        file = new ScenarioFiles(tmp).scenario("training.yaml");
    }

    private int change(String from, String to) {
        edit(file, from, to);
        return lineOf(file, to);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Scenario s = ScenarioReader.read(file);
        assertTrue(s.isTraining());
        assertNull(s.profile());
        Training t = s.training();
        assertEquals("tiny-training", t.profile().name());
        assertEquals(s.profileName(), t.profile().name());
        assertEquals(200, t.iterations());
        assertEquals(2, t.staleness());
        assertTrue(t.int8() && t.errorFeedback());
        assertNull(t.quantiseSeconds(), "profile: the profile's column");
        assertEquals(0.005, t.quantiseAt(1));
        assertEquals(3, t.uploadQueue());
        assertEquals(new Training.Policy(Training.Kind.ENGINE, 1, 0.8, 100), t.policy());
        assertEquals(1 << 23, t.uplink().bandwidthBps());
        assertEquals(2 << 23, t.downlink().bandwidthBps());
        assertEquals(0.001, t.downlink().delaySeconds());
        assertEquals(2, s.run().replications());
        assertEquals(10, s.run().warmupRequests());
        assertEquals(190, s.run().measuredRequests());
    }

    @Test
    void theDownlinkDefaultsToTheUplinkAndEpochsCountBatches() throws Exception {
        edit(file, "  downlink: {bandwidth: 2 MiB/s, delay: 1 ms}\n", "");
        edit(file, "  iterations: 200\n", "  epochs: 3\n  samples_per_epoch: 1000\n");
        Scenario s = ScenarioReader.read(file);
        assertEquals(s.training().uplink(), s.training().downlink());
        assertEquals(32, s.training().iterationsPerEpoch(), "ceil(1000 / 32): the last batch is partial");
        assertEquals(96, s.training().iterations());
        assertEquals(3, s.training().epochs());
        assertTrue(s.training().drainEachEpoch(), "the seed drains at each epoch's end");
    }

    @Test
    void theWrittenScenarioReadsBackTheSame() throws Exception {
        Scenario s = ScenarioReader.read(file);
        String yaml = ScenarioWriter.toYaml(s);
        Path back = tmp.resolve("scenarios/written.yaml");
        Files.writeString(back, yaml);
        Scenario again = ScenarioReader.read(back);
        assertEquals(s.training(), again.training());
        assertEquals(s.run(), again.run());
        assertEquals(yaml, ScenarioWriter.toYaml(again));
        assertFalse(yaml.contains("workload"), yaml);
    }

    @Test
    void anEnergySectionNamesTheEdgeAndReadsBack() throws Exception {
        edit(file, "output:\n", "energy: {edge: jetson-nano, radio: lte}\noutput:\n");
        Scenario s = ScenarioReader.read(file);
        assertEquals(Energy.JETSON_NANO, s.energy().device(), "the training edge, in the device slot");
        assertEquals(Energy.CLOUD_DEFAULT, s.energy().cloud());
        assertEquals(Energy.LTE, s.energy().radio());
        Path back = tmp.resolve("scenarios/written.yaml");
        Files.writeString(back, ScenarioWriter.toYaml(s));
        assertEquals(s.energy(), ScenarioReader.read(back).energy());
        edit(file, "energy: {edge: jetson-nano, radio: lte}", "energy: {device: jetson-nano}");
        assertProblem(problems(file), file, lineOf(file, "energy:"), "energy.device", "unknown key 'device'"
                + " (expected one of: edge, cloud, radio)");
    }

    @Test
    void aMisspeltKeyIsSuggested() {
        int line = change("staleness: 2", "stalenes: 2");
        assertProblem(problems(file), file, line, "training.stalenes", "unknown key 'stalenes': did you mean"
                + " 'staleness'?");
    }

    @Test
    void theEngineNeedsAStalenessBound() {
        edit(file, "  staleness: 2\n", "");
        assertProblem(problems(file), file, lineOf(file, "training:"), "training.staleness",
                "missing required key 'staleness'");
    }

    @Test
    void jointDnnIsTheSerialSchedule() {
        edit(file, "{type: engine, initial_split: 1, beta: 0.8, initial_remain: 100}", "{type: jointdnn}");
        edit(file, "quantise: int8", "quantise: none");
        edit(file, "  error_feedback: true\n", "");
        assertProblem(problems(file), file, lineOf(file, "staleness: 2"), "training.staleness",
                "jointdnn is the serial schedule, K = 0");
    }

    @Test
    void theBatchIsTheProfiles() {
        int line = change("batch_size: 32", "batch_size: 64");
        assertProblem(problems(file), file, line, "training.batch_size", "was measured at batch 32: batch_size must be 32");
    }

    @Test
    void aFixedSplitMustBeARowOfTheProfile() {
        int line = change("{type: engine, initial_split: 1, beta: 0.8, initial_remain: 100}", "{type: fixed, split: 7}");
        assertProblem(problems(file), file, line, "training.policy.split",
                "the profile tiny-training has no split 7 (it has -1..3)");
    }

    @Test
    void theEngineDoesNotStartCloudOnly() {
        int line = change("initial_split: 1,", "initial_split: -1,");
        assertProblem(problems(file), file, line, "training.policy.initial_split", "has no engine split -1 (it has 0..3)");
    }

    @Test
    void errorFeedbackNeedsInt8() {
        int line = change("quantise: int8", "quantise: none");
        assertProblem(problems(file), file, lineOf(file, "error_feedback: true"), "training.error_feedback",
                "it needs quantise: int8");
        assertTrue(line > 0);
    }

    @Test
    void iterationsOrEpochsNotBoth() {
        edit(file, "  iterations: 200\n", "  iterations: 200\n  epochs: 2\n");
        assertProblem(problems(file), file, lineOf(file, "training:"), "training",
                "give iterations, or epochs with samples_per_epoch, not both");
    }

    @Test
    void theUploadQueueHoldsAtLeastOneFeature() {
        int line = change("upload_queue: 3", "upload_queue: 0");
        assertProblem(problems(file), file, line, "training.upload_queue", "upload_queue must be at least 1");
    }

    @Test
    void aTrainingScenarioNeedsLinks() {
        edit(file, "links:\n  uplink: {bandwidth: 1 MiB/s, delay: 1 ms}\n  downlink: {bandwidth: 2 MiB/s, delay: 1 ms}\n", "");
        assertProblem(problems(file), file, lineOf(file, "name: training"), "links", "missing required key 'links'");
    }

    @Test
    void anInferenceProfileIsNotATrainingProfile() {
        int line = change("profile: ../profiles/tiny-training", "profile: ../profiles/tiny");
        assertProblem(problems(file), file, line, "profile", "a training scenario needs a training profile"
                + " (training.yaml and splits.csv");
    }

    @Test
    void inferenceKeysAreRefused() {
        edit(file, "output:\n", "workload: {arrival: {type: poisson, rate: 1/s}}\noutput:\n");
        assertProblem(problems(file), file, lineOf(file, "workload:"), "workload", "unknown key 'workload'"
                + " (expected one of: name, profile, training, links, run, output, energy, sweep)");
    }

    @Test
    void theWarmupLeavesIterationsToMeasure() {
        int line = change("warmup: 10", "warmup: 200");
        assertProblem(problems(file), file, line, "run.warmup", "warmup is a number of iterations in 0..199");
    }

    @Test
    void cloudOnlySendsTheRawInput() {
        change("{type: engine, initial_split: 1, beta: 0.8, initial_remain: 100}", "{type: cloud_only}");
        assertProblem(problems(file), file, lineOf(file, "quantise: int8"), "training.quantise",
                "cloud_only sends the raw input batch, which is not quantised");
    }

    @Test
    void everyProblemOfTheFileAtOnce() {
        edit(file, "staleness: 2", "staleness: -1");
        edit(file, "upload_queue: 3", "upload_queue: lots");
        edit(file, "bandwidth: 1 MiB/s", "bandwidth: 1 MiB");
        java.util.List<Problem> all = problems(file);
        assertEquals(3, all.size(), all.toString());
    }
}
