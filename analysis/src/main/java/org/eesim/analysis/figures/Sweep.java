package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eesim.analysis.results.ConditionAxis;
import org.eesim.analysis.results.PointAxis;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;

/**
 * Sources placed on an x axis and grouped into series by input condition (workload.mix) and by
 * the values of the sweep's other keys: the common input of every "vs X" figure. Two sources
 * at the same x in the same series are refused, since the line through them would zigzag and
 * hide that the user passed a folder twice.
 */
public final class Sweep {

    /** One source at its x. */
    public record Point(Source source, double x, String condition) {
        public Optional<SummaryRow> metric(String name) {
            return source.folder().summary().get(source.point(), name);
        }
    }

    private final PointAxis axis;
    private final List<Point> points;
    private final List<String> conditions;

    public Sweep(PointAxis axis, List<Source> sources) {
        this.axis = axis;
        List<Point> pts = new ArrayList<>();
        Map<String, Source> seen = new HashMap<>();
        List<Source> later = new ArrayList<>();
        List<org.eesim.analysis.results.ResultsFolder> folders = sources.stream().map(Source::folder)
                .distinct().toList();
        Set<String> types = axis instanceof ConditionAxis c ? c.types(folders) : Set.of();
        Labels labels = Labels.of(folders);
        // a mix shared by every source names no series: "blur-3, 2.15 Mbps" would repeat blur-3
        boolean mixes = sources.stream().map(s -> s.folder().resolved(s.point()).mixLabel())
                .distinct().count() > 1;
        for (Source s : sources) {
            if (axis instanceof ConditionAxis c && c.undistorted(s.folder(), s.point())) {
                later.add(s); // joins the series of its branch set, once they are known
                continue;
            }
            add(pts, seen, s, axis.x(s.folder(), s.point()), axis instanceof ConditionAxis c
                    ? c.groups(s.folder(), s.point(), types, Set.of()).get(0) : group(s, axis, labels, mixes));
        }
        Set<String> known = new LinkedHashSet<>();
        pts.forEach(p -> known.add(p.condition()));
        for (Source s : later) {
            for (String g : ((ConditionAxis) axis).groups(s.folder(), s.point(), types, known)) {
                add(pts, seen, s, 0, g);
            }
        }
        pts.sort(Comparator.comparingDouble(Point::x));
        this.points = List.copyOf(pts);
        Set<String> c = new LinkedHashSet<>();
        pts.forEach(p -> c.add(p.condition()));
        this.conditions = List.copyOf(c);
    }

    private static void add(List<Point> pts, Map<String, Source> seen, Source s, double x, String condition) {
        Source clash = seen.put(condition + "\u0000" + x, s);
        if (clash != null) {
            throw new ResultsException(clash.folder().dir() + " (" + clash.label() + ") and "
                    + s.folder().dir() + " (" + s.label() + "): both at x = " + x
                    + (condition.isEmpty() ? "" : " in series " + condition)
                    + "; pass one of them, or choose another --x");
        }
        pts.add(new Point(s, x, condition));
    }

    /**
     * The series a source belongs to: its input condition when the sources differ in it and,
     * in a sweep of several keys, the values of the keys other than x
     * ({@code blur-3, threshold 0.8}; {@link Labels}).
     */
    private static String group(Source s, PointAxis axis, Labels labels, boolean mixes) {
        String mix = mixes ? s.folder().resolved(s.point()).mixLabel() : "";
        List<String> leaveOut = new ArrayList<>(List.of("workload.mix"));
        if (axis instanceof org.eesim.analysis.results.ScenarioKeyAxis k) {
            leaveOut.add(k.key());
        }
        String others = labels.point(s.folder(), s.point(), leaveOut);
        return others.isEmpty() ? mix : mix.isEmpty() ? others : mix + ", " + others;
    }

    /**
     * True when the x key was swept with {@code log_range} in every folder: values at a
     * constant ratio are spaced evenly on a log axis, which is what their author asked for.
     */
    public boolean declaredLog() {
        if (!(axis instanceof org.eesim.analysis.results.ScenarioKeyAxis k) || points.isEmpty()) {
            return false;
        }
        return points.stream().map(p -> p.source().folder()).distinct()
                .allMatch(f -> f.sweptOnLogRange(k.key()));
    }

    public PointAxis axis() {
        return axis;
    }

    public List<Point> points() {
        return points;
    }

    public List<String> conditions() {
        return conditions;
    }

    public List<Point> in(String condition) {
        return points.stream().filter(p -> p.condition().equals(condition)).toList();
    }

    /** {@code name}, prefixed by the condition when the sweep has several. */
    public String seriesName(String condition, String name) {
        return conditions.size() > 1 ? condition + ": " + name : name;
    }

    /** Metric names with this prefix present in any source, in file order (tiers, exits). */
    public List<String> metricsWithPrefix(String prefix) {
        Set<String> names = new LinkedHashSet<>();
        for (Point p : points) {
            p.source().folder().summary().withPrefix(p.source().point(), prefix)
                    .forEach(r -> names.add(r.metric()));
        }
        return List.copyOf(names);
    }
}
