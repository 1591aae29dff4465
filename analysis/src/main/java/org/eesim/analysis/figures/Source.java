package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.List;
import org.eesim.analysis.results.ResultsFolder;

/** One sweep point of one results folder, with the label its series or bar gets. */
public record Source(String label, ResultsFolder folder, int point) {

    /**
     * Every point of every folder. A one-point folder is labelled by its name; points of a
     * sweep folder by their swept values ({@link Labels}), prefixed by the folder's name when
     * there are several folders.
     */
    public static List<Source> all(List<ResultsFolder> folders) {
        List<Source> out = new ArrayList<>();
        boolean shorten = folders.stream().map(f -> shortName(f.name())).distinct().count()
                == folders.size();
        Labels labels = Labels.of(folders);
        for (ResultsFolder f : folders) {
            var points = f.summary().points();
            String name = shorten ? shortName(f.name()) : f.name();
            for (int p : points) {
                String values = labels.point(f, p, List.of());
                String label = points.size() == 1 ? name
                        : (folders.size() == 1 ? "" : name + " ") + (values.isEmpty() ? "point " + p : values);
                out.add(new Source(label, f, p));
            }
        }
        return out;
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
