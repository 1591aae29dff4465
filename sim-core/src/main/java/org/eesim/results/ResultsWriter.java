package org.eesim.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version, written into every results folder's manifest. */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** The project version, from the jar's filtered resource. */
    public static String version() {
        try (InputStream in = ResultsWriter.class.getResourceAsStream("/eesim-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
