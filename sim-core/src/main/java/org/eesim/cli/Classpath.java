package org.eesim.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path this JVM runs eesim from, as absolute local paths: what a child JVM (a SLURM
 * task, a benchmark's second process) needs to run the same code. Under {@code mvn exec:java}
 * the classes come from a URLClassLoader, not {@code java.class.path}.
 */
public final class Classpath {

    private Classpath() {
    }

    public static String ofThisJvm() {
        List<String> entries = new ArrayList<>();
        if (Classpath.class.getClassLoader() instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a local file: another JVM could not use it either
                }
            }
        }
        if (entries.isEmpty()) {
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                entries.add(Path.of(e).toAbsolutePath().toString()); // the child may start elsewhere
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The {@code java} of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
