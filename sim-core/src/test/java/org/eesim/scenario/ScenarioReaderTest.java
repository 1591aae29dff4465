package org.eesim.scenario;

import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    @Test
    void readsEveryKey() throws ProblemsException {
        Path file = resource("scenarios/full.yaml");
        Scenario s = ScenarioReader.read(file);
        assertEquals("full-example", s.name());
        assertEquals(file, s.sourceFile());
        assertEquals("tiny", s.profile().name());
        assertEquals(new Tiers(new TierSpec(10, 1, 0.5), new TierSpec(1, 4, 2), new TierSpec(1, 8, 8),
                EdgeAssignment.ROUND_ROBIN), s.tiers());
        assertEquals(new Links(new Link(18.8e6, 0.005, true), new Link(1e9, 0.02, false)), s.links());
        assertEquals(new Placement(1, 2), s.placement());
        assertEquals(new Workload(new Arrival.Poisson(2), Map.of("pristine", 0.7, "blur-3", 0.3), 0.1), s.workload());
        assertEquals(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of("b1", 0.9), Set.of("b2")), s.exitRule());
        assertEquals(ServiceTimeModel.EXPONENTIAL, s.serviceTime());
        assertEquals(new RunControl(new RunControl.Span.Requests(20000), new RunControl.Span.Requests(1000), 5, 42),
                s.run());
        assertEquals(new Output(Path.of("results"), "full-run", List.of("latency-cdf", "offload-vs-x"),
                "links.uplink.bandwidth"), s.output());
        assertEquals(new Energy(Energy.JETSON_NANO_5W, new Energy.TierPower(25, 80), new Energy.TierPower(90, 250),
                new Energy.Radio(1.2, 0.4, 1, 0.05, 5, 0.9)), s.energy());
    }

    @Test
    void energyTakesPresetsAndDefaultsAndKeepsOnlyTheTiersPresent(@TempDir Path tmp) throws ProblemsException {
        Path file = new ScenarioFiles(tmp).scenario("full.yaml");
        edit(file, "  device: jetson-nano-5w\n", "");
        edit(file, "  radio: {send: 1.2 W, send_per_mbit: 400 mJ, receive: 1 W, receive_per_mbit: 50 mJ,"
                + " tail_time: 5 s, tail_power: 900 mW}", "  radio: lte");
        Energy e = ScenarioReader.read(file).energy();
        assertEquals(Energy.JETSON_NANO, e.device(), "the default device");
        assertEquals(Energy.LTE, e.radio());
        assertEquals(new Energy.TierPower(25, 80), e.edge());
        edit(file, "  cloud:  {count: 1, cores: 8, speed: 8}\n", "");
        edit(file, "{cut1: 1, cut2: 2}", "{cut1: 1, cut2: 3}");
        assertNull(ScenarioReader.read(file).energy().cloud(), "written for a tier that does not exist: left out");
    }

    @Test
    void anEmptyEnergySectionIsAllDefaults(@TempDir Path tmp) throws Exception {
        Path file = new ScenarioFiles(tmp).scenario("minimal.yaml");
        Files.writeString(file, Files.readString(file) + "energy: {}\n");
        assertEquals(Energy.defaults(false, false), ScenarioReader.read(file).energy());
        assertEquals(new Energy(Energy.JETSON_NANO, null, null, Energy.WIFI), Energy.defaults(false, false));
        assertNull(ScenarioReader.read(resource("scenarios/rates.yaml")).energy(), "no section: no energy");
    }

    @Test
    void fillsInDefaults() throws ProblemsException {
        Scenario s = ScenarioReader.read(resource("scenarios/minimal.yaml"));
        assertEquals("minimal", s.name(), "the file's name without .yaml");
        assertEquals(new Tiers(new TierSpec(1, 1, 1), null, null), s.tiers());
        assertEquals(new Links(null, null), s.links());
        assertEquals(new Workload(new Arrival.Deterministic(0.5), Map.of("pristine", 1.0), null), s.workload());
        assertEquals(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.5, Map.of(), Set.of()), s.exitRule());
        assertEquals(ServiceTimeModel.EMPIRICAL, s.serviceTime());
        assertEquals(new RunControl(new RunControl.Span.Requests(100), new RunControl.Span.Requests(0), 10, 1),
                s.run());
        assertEquals(new Output(Path.of("results"), null), s.output());
    }

    @Test
    void readsClosedLoopsDurationsByteRatesAndNormalisesTheMix() throws ProblemsException {
        Scenario s = ScenarioReader.read(resource("scenarios/rates.yaml"));
        assertEquals(new Arrival.Closed(2, 1, false), s.workload().arrival());
        assertEquals(Map.of("imported", 0.75, "pristine", 0.25), s.workload().mix());
        assertEquals(new Tiers(new TierSpec(4, 1, 1), null, new TierSpec(1, 16, 10)), s.tiers());
        assertEquals(new Links(new Link(20e6, 0.04, true), null), s.links());
        assertEquals(new RunControl(new RunControl.Span.Time(600), new RunControl.Span.Time(60), 3, -7), s.run());
        assertEquals(ServiceTimeModel.MEAN, s.serviceTime());
    }

    @Test
    void disabledAllMeansEveryBranch(@TempDir Path tmp) throws ProblemsException {
        Path file = new ScenarioFiles(tmp).scenario("full.yaml");
        edit(file, "disabled: [b2]", "disabled: all");
        assertEquals(Set.of("b1", "b2"), ScenarioReader.read(file).exitRule().disabled());
    }

    @Test
    void aLinkBetweenTiersThatDoNotExistIsLeftOut(@TempDir Path tmp) throws ProblemsException {
        Path file = new ScenarioFiles(tmp).scenario("full.yaml");
        edit(file, "  edge:   {count: 1, cores: 4, speed: 2, assignment: round_robin}\n", "");
        edit(file, "{cut1: 1, cut2: 2}", "{cut1: 1, cut2: 1}");
        Scenario s = ScenarioReader.read(file);
        assertNull(s.tiers().edge());
        assertEquals(new Links(new Link(18.8e6, 0.005, true), null), s.links());
    }

    @Test
    void edgeAssignmentDefaultsToStatic(@TempDir Path tmp) throws ProblemsException {
        Path file = new ScenarioFiles(tmp).scenario("full.yaml");
        edit(file, ", assignment: round_robin}", "}");
        assertEquals(EdgeAssignment.STATIC, ScenarioReader.read(file).tiers().edgeAssignment());
        edit(file, "speed: 2}", "speed: 2, assignment: least_loaded}");
        assertEquals(EdgeAssignment.LEAST_LOADED, ScenarioReader.read(file).tiers().edgeAssignment());
    }

    @Test
    void arrivalsOfEveryType(@TempDir Path tmp) throws ProblemsException {
        Path file = new ScenarioFiles(tmp).scenario("minimal.yaml");
        edit(file, "{type: deterministic, interval: 500 ms}", "{type: closed, think: 250 ms}");
        assertEquals(new Arrival.Closed(1, 0.25, true), ScenarioReader.read(file).workload().arrival());
        edit(file, "{type: closed, think: 250 ms}", "{type: poisson, rate: 1200/min}");
        assertEquals(new Arrival.Poisson(20), ScenarioReader.read(file).workload().arrival());
    }

    @Test
    void warmupMayBeATimeAndDeadlinesAreTimes(@TempDir Path tmp) throws ProblemsException {
        Path file = new ScenarioFiles(tmp).scenario("full.yaml");
        edit(file, "warmup: 1000", "warmup: 2 min");
        edit(file, "deadline: 100 ms", "deadline: 0.25 s");
        Scenario s = ScenarioReader.read(file);
        assertEquals(new RunControl.Span.Time(120), s.run().warmup());
        assertEquals(0.25, s.workload().deadlineSeconds());
    }
}
