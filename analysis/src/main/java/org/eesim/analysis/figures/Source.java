package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.List;
import org.eesim.analysis.results.ResultsFolder;

/** One sweep point of one results folder, with the label its series or bar gets. */
public record Source(String label, ResultsFolder folder, int point) {

    /**
     * Every point of every folder. A one-point folder is labelled by its name; points of a
     * sweep folder by their index, prefixed by the folder's name when there are several folders.
     */
    public static List<Source> all(List<ResultsFolder> folders) {
        List<Source> out = new ArrayList<>();
        boolean shorten = folders.stream().map(f -> shortName(f.name())).distinct().count()
                == folders.size();
        for (ResultsFolder f : folders) {
            var points = f.summary().points();
            String name = shorten ? shortName(f.name()) : f.name();
            for (int p : points) {
                String values = pointLabel(f, p);
                String label = points.size() == 1 ? name
                        : (folders.size() == 1 ? "" : name + " ") + (values.isEmpty() ? "point " + p : values);
                out.add(new Source(label, f, p));
            }
        }
        return out;
    }

    /**
     * A point by its swept values: {@code blur-3} for a one-condition mix, the bare value when
     * one key was swept, {@code key=value, ...} otherwise.
     */
    static String pointLabel(ResultsFolder f, int point) {
        List<String> keys = f.points().keys();
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            String value = f.points().value(point, key);
            if (key.equals("workload.mix")) {
                value = value.replaceFirst("^\\{\\s*([^:,{}]+?)\\s*:\\s*1(\\.0*)?\\s*}$", "$1");
            }
            parts.add(keys.size() == 1 ? value : key + "=" + value);
        }
        return String.join(", ", parts);
    }

    /**
     * sim-core names run folders {@code <scenario>-<8 hex digits of the plan hash>} (before
     * sweeps, {@code <scenario>-yyyyMMdd-HHmmss}); the suffix says nothing in a legend, so it is
     * dropped when the names stay distinct without it.
     */
    static String shortName(String folderName) {
        return folderName.replaceFirst("-\\d{8}-\\d{6}$", "").replaceFirst("-[0-9a-f]{8}$", "");
    }
}
