package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eesim.policy.NetworkCosts;
import org.eesim.policy.Reach;
import org.eesim.scenario.Exits;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exit shares the policies plan with ({@link Exits#shares}, through {@link NetworkCosts})
 * against the shares the simulator draws ({@link Exits#ofSample}, {@link Exits#ofDraws}, through
 * the planner), on shipped profiles: a trace-mode network (our MobileNetV2, two conditions
 * mixed, a branch disabled, a threshold of its own on another) and a rate-mode one (seed 001's
 * published rates; also with every branch disabled, all requests at the final exit and the
 * accuracy unknown). Each expected share, and the expected accuracy, must lie in the simulation's
 * 99.9% Student-t interval over 10 replications of 20,000 requests (seeded). With 5 to 6 checks
 * per case, a correct simulator fails one with probability under 0.6%; a planner and a policy
 * that disagreed by a whole exit (the bug this guards against) miss by tens of points, far
 * outside half-widths of about 0.5 points.
 */
class ExitSharesDifferentialTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ee-mobilenetv2-fmnist | {pristine: 0.5, blur-3: 0.5} | {threshold: 0.8, thresholds: {b2: 0.6}, disabled: [b1]}",
        "ee-mobilenetv2-fmnist | {noise-5@expert-noise: 1}     | {rule: entropy, threshold: 0.3}",
        "b-mobilenet-distortion-robust | {blur-2: 0.7, pristine: 0.3} | {threshold: 0.8}",
        "b-mobilenet-distortion-robust | {blur-2: 0.7, pristine: 0.3} | {threshold: 0.8, disabled: all}"})
    void plannedSharesEqualSimulatedShares(String profile, String mix, String rule, @TempDir Path dir)
            throws Exception {
        Scenario s = scenario(dir, profile, mix, rule);
        Reach reach = new NetworkCosts(s).reach(s.exitRule());
        Map<String, Summary> sim = Fixtures.summarise(s, 0.999);
        int exits = s.profile().exitCount();
        double alive = 1;
        for (int x = 0; x < exits; x++) {
            // P(exit at x) = P(reach the layer after exit x-1's) - P(reach the layer after exit x's)
            double reachedAfter = x == exits - 1 ? 0 : reach.layer(s.profile().branches().get(x).afterLayer() + 1);
            double expected = alive - reachedAfter;
            alive = reachedAfter;
            Summary got = sim.get("exit." + s.profile().exitName(x));
            assertTrue(got.ciLow() <= expected + 1e-12 && expected - 1e-12 <= got.ciHigh(), "exit "
                    + s.profile().exitName(x) + ": planned " + expected + ", simulated " + got);
        }
        Summary accuracy = sim.get("accuracy");
        if (!Double.isNaN(reach.accuracy())) {
            assertTrue(accuracy.contains(reach.accuracy()), "accuracy: planned " + reach.accuracy() + ", simulated "
                    + accuracy);
        } else {
            // a rate table with every branch disabled: the final exit's tabulated accuracy is not the network's
            assertTrue(Double.isNaN(accuracy.mean()), "accuracy unknown, simulated " + accuracy);
        }
        assertEquals(20_000, sim.get("requests").mean());
    }

    /** Everything on one device, so that the shares are all there is to compare. */
    static Scenario scenario(Path dir, String profile, String mix, String rule) throws IOException,
            org.eesim.yaml.ProblemsException {
        int layers = org.eesim.profile.ProfileReader.read(REPO.resolve("profiles").resolve(profile)).layers().size();
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, String.join("\n", List.of(
                "profile: " + REPO.resolve("profiles").resolve(profile),
                "tiers: {device: {count: 4}}",
                "placement: {cut1: " + layers + ", cut2: " + layers + "}",
                "workload: {arrival: {type: poisson, rate: 1/s}, mix: " + mix + "}",
                "early_exit: " + rule,
                "service_time: mean",
                "run: {requests: 20000, replications: 10, seed: 7}")) + "\n");
        return ScenarioReader.read(f);
    }
}
