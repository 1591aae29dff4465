package org.eesim.cli;

import java.io.PrintWriter;
import java.util.List;

import org.eesim.stats.Summary;

/** The short human summary printed after a run: one line per metric with its 95% interval. */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(List<Summary> summaries, PrintWriter out) {
        int width = "metric".length();
        for (Summary s : summaries) {
            width = Math.max(width, s.metric().length());
        }
        String row = "%-" + width + "s  %12s  %27s%n";
        out.printf(row, "metric", "mean", "95% CI (Student-t)");
        for (Summary s : summaries) {
            String ci = Double.isNaN(s.ciLow()) ? "-" : String.format("[%s, %s]", fmt(s.ciLow()), fmt(s.ciHigh()));
            out.printf(row, s.metric(), fmt(s.mean()), ci);
        }
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format("%.4e", v) : String.format("%.6g", v);
    }
}
