package org.eesim.analysis.results;

import java.util.List;

/**
 * Takes x from a scenario key of each point: the value its sweep gave it ({@code points.csv},
 * as written) when the key was swept, else the point's resolved scenario. The first point's unit
 * becomes the axis unit and the others are converted into it, so {@code 500 kbps} and
 * {@code 18.8 Mbps} share one axis.
 */
public final class ScenarioKeyAxis implements PointAxis {

    private final String key;
    private final String unit;
    private final String label;

    private ScenarioKeyAxis(String key, String unit, String label) {
        this.key = key;
        this.unit = unit;
        this.label = label;
    }

    /**
     * @param label the axis title without unit, or null to use the key itself
     */
    public static ScenarioKeyAxis of(String key, String label, List<ResultsFolder> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no results folder");
        }
        ResultsFolder first = folders.get(0);
        String unit = quantity(first, first.summary().points().first(), key).unit();
        String title = label == null ? key : label;
        return new ScenarioKeyAxis(key, unit, unit.isEmpty() ? title : title + " (" + unit + ")");
    }

    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public double x(ResultsFolder folder, int point) {
        Quantity q = quantity(folder, point, key);
        try {
            return q.in(unit);
        } catch (IllegalArgumentException e) {
            throw ResultsException.at(folder.resolved(point).file(), 0, key, e.getMessage());
        }
    }

    private static Quantity quantity(ResultsFolder folder, int point, String key) {
        Points points = folder.points();
        if (!points.has(key)) {
            return folder.resolved(point).quantity(key);
        }
        try {
            return Quantity.parse(points.value(point, key));
        } catch (IllegalArgumentException e) {
            throw ResultsException.at(points.file(), 0, key, e.getMessage());
        }
    }
}
