package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/** The console summary after a run. */
class SummaryTableTest {

    @Test
    void countsReadAsWholeNumbersAndTheRestKeepSixDigits() {
        StringWriter out = new StringWriter();
        SummaryTable.print(List.of(new Summary("requests", 10, 20000, 0, 20000, 20000),
                new Summary("policy.changes", 10, 140.3, 2, 138.9, 141.7),
                new Summary("latency.mean", 10, 0.0727537, 1e-4, 0.0724203, 0.0730871)), new PrintWriter(out, true));
        List<String> lines = out.toString().lines().map(l -> String.join(" ", l.strip().split(" +"))).toList();
        assertEquals("requests 20000 [20000, 20000]", lines.get(1));
        assertEquals("policy.changes 140.300 [138.900, 141.700]", lines.get(2),
                "a mean count that is not whole keeps its decimals");
        assertEquals("latency.mean 0.0727537 [0.0724203, 0.0730871]", lines.get(3));
    }
}
