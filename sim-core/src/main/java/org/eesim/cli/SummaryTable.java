package org.eesim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eesim.stats.Summary;
import org.eesim.sweep.Point;
import org.eesim.sweep.SweepPlan;

/** The short human summary printed after a run: one line per metric with its 95% interval. */
final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * From summary.csv's lines: the full table for one point; for a sweep, one line per point
     * with its mean latency and offloading probability (the rest is in the folder).
     */
    static void print(SweepPlan plan, List<String> summaryCsv, PrintWriter out) {
        List<List<Summary>> byPoint = new ArrayList<>();
        plan.points().forEach(p -> byPoint.add(new ArrayList<>()));
        for (String line : summaryCsv.subList(1, summaryCsv.size())) {
            String[] f = line.split(",");
            byPoint.get(Integer.parseInt(f[0])).add(new Summary(f[1], Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }
        if (!plan.isSweep()) {
            print(byPoint.get(0), out);
            return;
        }
        int width = plan.points().stream().mapToInt(p -> p.identity().length()).max().orElse(6);
        String row = "%5s  %-" + width + "s  %12s  %12s%n";
        boolean training = plan.points().get(0).scenario().isTraining();
        String[] shown = training ? new String[] {"training.seconds_per_iteration", "training.split.mean"}
                : new String[] {"latency.mean", "offload.device_to_next"};
        out.printf(row, "point", "values", training ? "s/iteration" : "latency.mean", training ? "split" : "offload");
        for (Point p : plan.points()) {
            out.printf(row, p.id(), p.identity(), value(byPoint.get(p.id()), shown[0]),
                    value(byPoint.get(p.id()), shown[1]));
        }
    }

    private static String value(List<Summary> point, String metric) {
        return point.stream().filter(s -> s.metric().equals(metric)).findFirst()
                .map(s -> fmt(s.mean())).orElse("-");
    }

    /** Metrics that count things: printed as whole numbers when they are (20000, not 20000.0). */
    static final Set<String> COUNTS = Set.of("requests", "policy.changes", "policy.threshold_changes",
            "training.iterations", "training.changes", "training.decisions", "training.staleness.max",
            "training.split.first", "training.split.last", "training.migration_bytes");

    static void print(List<Summary> summaries, PrintWriter out) {
        int width = "metric".length();
        for (Summary s : summaries) {
            width = Math.max(width, s.metric().length());
        }
        String row = "%-" + width + "s  %12s  %27s%n";
        out.printf(row, "metric", "mean", "95% CI (Student-t)");
        for (Summary s : summaries) {
            boolean count = COUNTS.contains(s.metric());
            String ci = Double.isNaN(s.ciLow()) ? "-"
                    : String.format("[%s, %s]", fmt(s.ciLow(), count), fmt(s.ciHigh(), count));
            out.printf(row, s.metric(), fmt(s.mean(), count), ci);
        }
    }

    private static String fmt(double v, boolean count) {
        return count && v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : fmt(v);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format("%.4e", v) : String.format("%.6g", v);
    }
}
