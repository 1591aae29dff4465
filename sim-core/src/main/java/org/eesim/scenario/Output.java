package org.eesim.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * @param dir     folder under which the run's own folder is made (relative paths resolve against
 *                the working directory, so {@code results} lands in the checkout's results/)
 * @param name    the run folder's name; {@code null} means {@code <scenario>-<plan hash>}
 * @param figures the figures the analysis command draws for this run when not told otherwise
 *                (names from {@link #FIGURES}); empty: all that apply
 * @param figureX the scenario key on the x axis of the "vs x" figures; {@code null}: the swept
 *                key, when the sweep has exactly one numeric key
 */
public record Output(Path dir, String name, List<String> figures, String figureX) {

    /**
     * The figure names of the analysis module. sim-core draws nothing (it stays headless) but
     * checks the names, so a misspelt figure is refused with the other scenario errors; the
     * analysis tests keep this list equal to the figures it knows.
     */
    public static final List<String> FIGURES = List.of("latency-cdf", "exit-distribution", "summary",
            "offload-vs-x", "latency-vs-x", "accuracy-latency", "resources-vs-x", "difference-vs-x",
            "latency-energy", "metric-vs-x", "partition-vs-x");

    public Output {
        if (dir == null) {
            throw new IllegalArgumentException("output dir is required");
        }
        figures = List.copyOf(figures);
        for (String f : figures) {
            if (!FIGURES.contains(f)) {
                throw new IllegalArgumentException("unknown figure '" + f + "'");
            }
        }
    }

    public Output(Path dir, String name) {
        this(dir, name, List.of(), null);
    }
}
