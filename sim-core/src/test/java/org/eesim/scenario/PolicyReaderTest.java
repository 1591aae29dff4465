package org.eesim.scenario;

import static org.eesim.scenario.ScenarioFiles.problems;
import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code policy} section: what it reads, and a located problem for each mistake. */
class PolicyReaderTest {

    @TempDir
    Path tmp;

    private Path copy(String name) {
        return new ScenarioFiles(tmp).scenario(name);
    }

    @Test
    void readsPopexWithItsMonitor() throws ProblemsException {
        Scenario s = ScenarioReader.read(copy("popex.yaml"));
        PolicyConfig p = s.policy();
        assertEquals(PolicyConfig.Kind.POPEX, p.kind());
        assertEquals(List.of(0.6, 0.8, 0.9), p.thresholds());
        assertEquals(List.of(java.util.Map.of("b1", 0.95, "b2", 0.7)), p.branchThresholds());
        assertEquals(0.080, p.latencySeconds(), 1e-15);
        assertEquals(new PolicyConfig.Monitor(1.0, 5, 0.05, 0.020), p.monitor());
        assertNull(s.placement());
    }

    @Test
    void withoutAPolicySectionThePlacementIsTheFixedPolicy() throws ProblemsException {
        Scenario s = ScenarioReader.read(copy("full.yaml"));
        assertEquals(PolicyConfig.FIXED, s.policy());
        assertEquals(new Placement(1, 2), s.placement());
    }

    @Test
    void readsTinyMlPublishedIndexing() throws ProblemsException {
        assertEquals(true, ScenarioReader.read(copy("tinyml.yaml")).policy().publishedIndexing());
    }

    /** Neurosurgeon disables every branch, which a rate table can express (the accuracy is then unknown). */
    @Test
    void neurosurgeonRunsOnRateTables() throws ProblemsException {
        Path f = copy("rates.yaml");
        edit(f, "placement: {cut1: 0, cut2: 0}\n", "policy: {type: neurosurgeon}\n");
        edit(f, "  thresholds: {b1: 0.9}\n", "");
        assertEquals(PolicyConfig.Kind.NEUROSURGEON, ScenarioReader.read(f).policy().kind());
    }

    @Test
    void neurosurgeonMayMinimiseEnergyWithAnEnergySection() throws ProblemsException {
        Path f = copy("popex.yaml");
        edit(f, "  thresholds: [0.6, 0.8, 0.9, {b1: 0.95, b2: 0.7}]\n  latency_requirement: 80 ms\n", "");
        edit(f, "type: popex", "type: neurosurgeon\n  minimise: energy");
        assertProblem(problems(f), f, lineOf(f, "minimise: energy"), "policy.minimise",
                "minimise: energy needs the scenario's energy section");
        edit(f, "workload:\n", "energy: {radio: lte}\nworkload:\n");
        Scenario s = ScenarioReader.read(f);
        assertEquals(true, s.policy().minimiseEnergy());
        edit(f, "minimise: energy", "minimise: latency");
        assertEquals(false, ScenarioReader.read(f).policy().minimiseEnergy());
        edit(f, "minimise: latency", "minimise: power");
        assertProblem(problems(f), f, lineOf(f, "minimise: power"), "policy.minimise",
                "unknown objective 'power' (expected one of: latency, energy)");
    }

    @Test
    void onlyNeurosurgeonMinimisesEnergy() {
        Path f = copy("popex.yaml");
        edit(f, "type: popex", "type: popex\n  minimise: energy");
        assertProblem(problems(f), f, lineOf(f, "minimise: energy"), "policy.minimise",
                "minimise is a setting of policy neurosurgeon, not of popex");
    }

    @Test
    void unknownPolicyType() {
        Path f = copy("popex.yaml");
        edit(f, "type: popex", "type: popx");
        assertProblem(problems(f), f, lineOf(f, "type: popx"), "policy.type", "popx");
    }

    @Test
    void placementWithAnotherPolicy() {
        Path f = copy("popex.yaml");
        edit(f, "policy:\n", "placement: {cut1: 1, cut2: 2}\npolicy:\n");
        assertProblem(problems(f), f, lineOf(f, "placement: {cut1"), "placement",
                "placement is used only by the fixed policy; policy popex decides the cuts itself");
    }

    @Test
    void fixedPolicyWithoutPlacement() {
        Path f = copy("popex.yaml");
        edit(f, "type: popex", "type: fixed");
        edit(f, "  thresholds: [0.6, 0.8, 0.9, {b1: 0.95, b2: 0.7}]\n  latency_requirement: 80 ms\n"
                + "  monitor: {period: 1 s, samples: 5, error: 0.05, lag: 20 ms}\n", "");
        assertProblem(problems(f), f, 2, "placement", "missing required key 'placement'");
    }

    @Test
    void settingOfAnotherPolicy() {
        Path f = copy("tinyml.yaml");
        edit(f, "indexing: published", "thresholds: [0.8]");
        assertProblem(problems(f), f, lineOf(f, "thresholds: [0.8]"), "policy.thresholds",
                "thresholds is a setting of policy popex, not of tinyml");
    }

    @Test
    void edgeOnlyWithoutAnEdge() {
        Path f = copy("tinyml.yaml");
        edit(f, "type: tinyml\n  indexing: published", "type: edge_only");
        edit(f, "  edge:   {count: 1, cores: 1, speed: 1.7}\n", "  cloud:   {count: 1, cores: 1, speed: 1.7}\n");
        assertProblem(problems(f), f, lineOf(f, "type: edge_only"), "policy.type",
                "policy edge_only needs an edge tier (tiers.edge)");
    }

    @Test
    void popexNeedsTheWan() {
        Path f = copy("popex.yaml");
        edit(f, "  wan:    {bandwidth: 100 Mbps, delay: 20 ms}\n", "");
        assertProblem(problems(f), f, lineOf(f, "type: popex"), "policy.type", "policy popex needs the wan (links.wan)");
    }

    @Test
    void thresholdNotInARateTable() {
        Path f = copy("popex.yaml");
        edit(f, "mix: {pristine: 1}", "mix: {imported: 1}");
        assertProblem(problems(f), f, lineOf(f, "thresholds: [0.6"), "policy.thresholds[0]",
                "threshold 0.6 is not tabulated: condition 'imported' is a rate table with thresholds 0.8, 0.9");
    }

    @Test
    void perBranchConfigurationMistakes() {
        Path f = copy("popex.yaml");
        edit(f, "{b1: 0.95, b2: 0.7}", "{b1: 0.95, b3: 0.7}");
        assertProblem(problems(f), f, lineOf(f, "b3: 0.7"), "policy.thresholds[3].b3",
                "unknown branch 'b3': did you mean 'b1'? (the profile's branches: b1, b2)");
        edit(f, "mix: {pristine: 1}", "mix: {imported: 1}");
        edit(f, "[0.6, 0.8, 0.9, {b1: 0.95, b3: 0.7}]", "[0.8, {b1: 0.9}]");
        assertProblem(problems(f), f, lineOf(f, "[0.8, {b1: 0.9}]"), "policy.thresholds[1]",
                "condition 'imported' is a rate table, which cannot express a threshold per branch");
    }

    @Test
    void adaptationNeedsTwoSteps() {
        Path f = copy("popex.yaml");
        edit(f, "policy:\n", "policy:\n  adaptation: {target: 50 ms, thresholds: [0.8]}\n");
        assertProblem(problems(f), f, lineOf(f, "adaptation:"), "policy.adaptation.thresholds",
                "adaptation needs at least two thresholds to move between, got 1");
    }

    @Test
    void monitorMistakes() {
        Path f = copy("popex.yaml");
        edit(f, "{period: 1 s, samples: 5, error: 0.05, lag: 20 ms}", "{period: 0 s, samples: 0, error: 1.5, lag: 2 kg}");
        int line = lineOf(f, "monitor:");
        List<org.eesim.yaml.Problem> p = problems(f);
        assertProblem(p, f, line, "policy.monitor.period", "period must be positive");
        assertProblem(p, f, line, "policy.monitor.samples", "samples must be at least 1");
        assertProblem(p, f, line, "policy.monitor.error", "error is a relative standard deviation in [0, 1)");
        assertProblem(p, f, line, "policy.monitor.lag", "kg");
    }

    @Test
    void monitorForAPolicyThatIgnoresTheRate() {
        Path f = copy("popex.yaml");
        edit(f, "type: popex", "type: cloud_only");
        edit(f, "  thresholds: [0.6, 0.8, 0.9, {b1: 0.95, b2: 0.7}]\n  latency_requirement: 80 ms\n", "");
        assertProblem(problems(f), f, lineOf(f, "monitor:"), "policy.monitor",
                "policy cloud_only does not use the uplink estimate");
    }
}
