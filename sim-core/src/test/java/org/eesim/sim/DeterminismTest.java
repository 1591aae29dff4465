package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.ServiceTimeModel;
import org.junit.jupiter.api.Test;

/** The same seed gives the same numbers whatever the thread count; another seed, others. */
class DeterminismTest {

    private static List<Map<String, Double>> metrics(List<ReplicationRunner.Outcome> outcomes) {
        return outcomes.stream().map(ReplicationRunner.Outcome::metrics).toList();
    }

    private static Fixtures.ScenarioBuilder scenario(long seed) {
        var b = PathOracleTest.threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()));
        b.arrival = new org.eesim.scenario.Arrival.Poisson(20);
        b.time = ServiceTimeModel.EXPONENTIAL;
        b.run = Fixtures.requests(3_000, 300, 4, seed);
        return b;
    }

    @Test
    void sameSeedSameNumbersOnOneOrTwoThreads() {
        var s = scenario(7).build();
        var one = metrics(Experiment.run(s, 1, o -> { }));
        var two = metrics(Experiment.run(s, 2, o -> { }));
        assertEquals(one, two);
        assertEquals(Experiment.summarise(Experiment.run(s, 1, o -> { })),
                Experiment.summarise(Experiment.run(s, 2, o -> { })));
    }

    @Test
    void anotherSeedOtherNumbers() {
        var a = metrics(Experiment.run(scenario(7).build(), 2, o -> { }));
        var b = metrics(Experiment.run(scenario(8).build(), 2, o -> { }));
        assertNotEquals(a.get(0).get("latency.mean"), b.get(0).get("latency.mean"));
    }

    @Test
    void initialisingWithoutDsolsWorkerThreadChangesNoNumber() {
        var s = scenario(9).build();
        for (int rep = 0; rep < 2; rep++) {
            var lean = ReplicationRunner.run(s, rep, 9, true, false);
            var dsol = ReplicationRunner.run(s, rep, 9, true, true);
            assertEquals(dsol.metrics(), lean.metrics());
            assertEquals(dsol.latencyDistribution(), lean.latencyDistribution());
        }
    }
}
