package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.eesim.results.RunFolder;
import org.junit.jupiter.api.Test;

/**
 * CITATION.cff has the fields of the Citation File Format 1.2.0 that GitHub and cffconvert need,
 * names the licences README's "Licence" section chooses, and follows the project's version.
 */
class CitationTest {

    @Test
    void citationFileIsCompleteAndCurrent() throws IOException {
        Map<?, ?> cff = new ObjectMapper(new YAMLFactory()).readValue(MainTest.REPO.resolve("CITATION.cff").toFile(),
                Map.class);
        assertEquals("1.2.0", cff.get("cff-version"));
        for (String key : List.of("message", "title", "version", "date-released")) {
            assertTrue(cff.get(key) instanceof String s && !s.isBlank(), key + ": " + cff.get(key));
        }
        assertTrue(((String) cff.get("date-released")).matches("\\d{4}-\\d{2}-\\d{2}"), "a YAML date");
        List<?> authors = (List<?>) cff.get("authors");
        assertTrue(!authors.isEmpty() && authors.stream().allMatch(a -> a instanceof Map<?, ?> m
                && (m.containsKey("name") || m.containsKey("family-names"))), "entities or persons: " + authors);
        assertEquals(RunFolder.version(), cff.get("version"), "bump CITATION.cff with the pom's version");
        assertEquals(List.of("Apache-2.0", "GPL-3.0-or-later"), cff.get("license"));
        assertTrue(Files.readString(MainTest.REPO.resolve("LICENSE")).contains("Apache License"));
        assertTrue(Files.readString(MainTest.REPO.resolve("analysis/LICENSE")).contains("GNU GENERAL PUBLIC LICENSE"));
    }
}
