package org.eesim.analysis.results;

import java.util.List;

/**
 * Takes x from a key of each folder's {@code resolved.yaml}. The first folder's unit becomes the
 * axis unit and the others are converted into it, so {@code 500 kbps} and {@code 18.8 Mbps}
 * share one axis.
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
        String unit = folders.get(0).resolved().quantity(key).unit();
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
        if (folder.summary().points().size() > 1) {
            throw ResultsException.at(folder.dir().resolve("summary.csv"), 0, "point",
                    "several sweep points in one folder: x per point needs the sweep's points"
                            + " file, which this version does not read");
        }
        Quantity q = folder.resolved().quantity(key);
        try {
            return q.in(unit);
        } catch (IllegalArgumentException e) {
            throw ResultsException.at(folder.resolved().file(), 0, key, e.getMessage());
        }
    }
}
