package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * eesim's simulator and DSOL's stock one give the same numbers on the benchmark's scenario,
 * shortened: the overrides (scheduling, event loop, life cycle) change speed, not results.
 */
class StockDsolTest {

    @Test
    void dsolsStockSimulatorGivesTheSameNumbers() throws Exception {
        Scenario s = ScenarioReader.read(Path.of("../scenarios/bench-reference.yaml"));
        s = new Scenario(s.name(), s.sourceFile(), s.profile(), s.tiers(), s.links(), s.placement(), s.workload(),
                s.exitRule(), s.serviceTime(), new RunControl(new RunControl.Span.Requests(5_000),
                        new RunControl.Span.Requests(500), 2, s.run().seed()), s.output(), s.policy());
        for (int rep = 0; rep < 2; rep++) {
            var eesim = ReplicationRunner.run(s, rep, 9);
            var stock = StockDsol.run(s, rep, 9);
            assertEquals(stock.metrics(), eesim.metrics());
            assertEquals(stock.latencyDistribution(), eesim.latencyDistribution());
        }
    }
}
