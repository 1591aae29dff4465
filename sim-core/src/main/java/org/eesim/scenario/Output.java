package org.eesim.scenario;

import java.nio.file.Path;

/**
 * @param dir  folder under which the run's own folder is made (relative paths resolve against
 *             the working directory, so {@code results} lands in the checkout's results/)
 * @param name the run folder's name; {@code null} means {@code <scenario>-<timestamp>}
 */
public record Output(Path dir, String name) {
    public Output {
        if (dir == null) {
            throw new IllegalArgumentException("output dir is required");
        }
    }
}
