package org.eesim.yaml;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One user error, located well enough for an editor to jump to it.
 *
 * @param file    the file at fault (for a missing file or folder: its path)
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param keyPath where in the document: {@code links.uplink.bandwidth}, {@code layers[2].time_s}
 *                (list indexes from 0); for CSV files the column's header; empty when none
 * @param reason  what is wrong and, where possible, what would be right
 */
public record Problem(Path file, int line, int column, String keyPath, String reason) {

    /** File, then position: the order a reader of the report expects. */
    public static final Comparator<Problem> BY_LOCATION = Comparator
            .comparing((Problem p) -> String.valueOf(p.file()))
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    public Problem {
        keyPath = keyPath == null ? "" : keyPath;
    }

    /**
     * {@code FILE:LINE:COL key.path: reason}, leaving out the parts that are unknown; on one line:
     * a line break inside a value the reason quotes (a plain YAML scalar folded over a blank line,
     * say) is written as {@code \n}, so that every line of a report is one located problem.
     */
    @Override
    public String toString() {
        return oneLine(located());
    }

    private String located() {
        StringBuilder b = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        if (!keyPath.isEmpty()) {
            b.append(' ').append(keyPath);
        }
        return b.append(": ").append(reason).toString();
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
