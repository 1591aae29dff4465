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
        var one = metrics(Runs.of(s, 1));
        var two = metrics(Runs.of(s, 2));
        assertEquals(one, two);
        assertEquals(Runs.summarise(Runs.of(s, 1)),
                Runs.summarise(Runs.of(s, 2)));
    }

    @Test
    void anotherSeedOtherNumbers() {
        var a = metrics(Runs.of(scenario(7).build(), 2));
        var b = metrics(Runs.of(scenario(8).build(), 2));
        assertNotEquals(a.get(0).get("latency.mean"), b.get(0).get("latency.mean"));
    }
}
