package org.eesim.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found in the user's files, sorted by location. Checked, because a caller must
 * show these to the user (one per line) rather than let a stack trace escape.
 */
public final class ProblemsException extends Exception {

    private final transient List<Problem> problems;

    public ProblemsException(List<Problem> problems) {
        super(message(sorted(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProblemsException needs at least one problem");
        }
        this.problems = sorted(problems);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Problem.BY_LOCATION);
        return List.copyOf(copy);
    }

    private static String message(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        b.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) {
            b.append(System.lineSeparator()).append(p);
        }
        return b.toString();
    }

    /** The problems, sorted by file, line and column. */
    public List<Problem> problems() {
        return problems;
    }
}
