package org.eesim.yaml;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Assertions on reported problems, shared by the readers' tests. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The problem at {@code file}:{@code line} under {@code keyPath} whose reason contains {@code fragment}. */
    public static Problem assertProblem(List<Problem> problems, Path file, int line, String keyPath, String fragment) {
        for (Problem p : problems) {
            if (p.file().equals(file) && p.line() == line && p.keyPath().equals(keyPath) && p.reason().contains(fragment)) {
                return p;
            }
        }
        StringBuilder b = new StringBuilder("no problem at " + file + ":" + line + " " + keyPath + " containing '"
                + fragment + "'; got:");
        problems.forEach(p -> b.append("\n  ").append(p));
        return fail(b.toString());
    }

    /** The 1-based number of the only line of {@code file} that contains {@code text}. */
    public static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            int found = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    if (found != 0) {
                        fail("'" + text + "' is on more than one line of " + file);
                    }
                    found = i + 1;
                }
            }
            return found == 0 ? fail("'" + text + "' is not in " + file) : found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in {@code file} with {@code to}. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
                fail("'" + from + "' must occur exactly once in " + file);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the folder {@code from} (a test resource folder) into {@code to}, recursively. */
    public static Path copyTree(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource as a path (the resources are plain files under target/test-classes). */
    public static Path resource(String name) {
        try {
            return Path.of(ProblemAssertions.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
