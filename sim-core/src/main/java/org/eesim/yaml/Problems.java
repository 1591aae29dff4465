package org.eesim.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a reader goes on, so that the user sees all of them in one run.
 * Readers compare {@link #size()} before and after a section to know whether it is sound.
 */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void add(Problem problem) {
        list.add(problem);
    }

    public void add(Path file, int line, int column, String keyPath, String reason) {
        list.add(new Problem(file, line, column, keyPath, reason));
    }

    /** A problem with the value of {@code node}, located where the value starts. */
    public void add(YamlNode node, String reason) {
        list.add(new Problem(node.file(), node.at().line(), node.at().column(), node.path(), reason));
    }

    /** A problem with the key naming {@code node} (unknown, duplicate), located at the key. */
    public void addAtKey(YamlNode node, String reason) {
        list.add(new Problem(node.file(), node.keyAt().line(), node.keyAt().column(), node.path(), reason));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() throws ProblemsException {
        if (!list.isEmpty()) {
            throw new ProblemsException(list);
        }
    }
}
