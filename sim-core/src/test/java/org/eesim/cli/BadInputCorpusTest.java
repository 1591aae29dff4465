package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input a new user once broke the tool with (issue 10): each file in
 * {@code src/test/resources/bad-scenarios} ends with comment lines saying what it must give:
 * {@code # expect: } the first line of the error stream after the file's path, {@code # also: }
 * another line that must follow (a path or {@code error:} line), {@code # args: } the command
 * (default {@code validate}), {@code # exit: } the status. None may print a stack trace, and
 * nothing may be written outside the test's folder.
 */
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-scenarios").toAbsolutePath();
    static final Path PROFILES = Path.of("src/test/resources/profiles").toAbsolutePath();

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(all.size() >= 30, "the corpus lost files: " + all.size());
            return all.stream();
        }
    }

    static MainTest.Result eesim(String... args) {
        return MainTest.eesim(args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadFileGivesItsLocatedMessage(Path source, @TempDir Path dir) throws IOException {
        // Latin-1 keeps every byte as it is, so that the not-UTF-8 case stays not UTF-8.
        String text = Files.readString(source, StandardCharsets.ISO_8859_1)
                .replace("@PROFILES@", PROFILES.toString()).replace("@TMP@", dir.toString());
        Path file = dir.resolve(source.getFileName());
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        String expect = header(text, "expect");
        String also = header(text, "also");
        String args = header(text, "args");
        int exit = Integer.parseInt(header(text, "exit"));
        List<String> command = new ArrayList<>(List.of((args == null ? "validate" : args).split(" ")));
        command.add(1, file.toString());

        MainTest.Result r = eesim(command.toArray(String[]::new));

        assertEquals(exit, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        String expected = expect.startsWith("error:") ? expect : file + expect;
        assertTrue(first.startsWith(expected), "first line\n  " + first + "\nshould start with\n  " + expected);
        if (also != null) {
            String wanted = also.startsWith("error:") ? also : file + also;
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(wanted)), "no line starting with " + wanted
                    + " in\n" + r.err());
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        try (Stream<Path> written = Files.list(dir)) {
            // the scenario, and the results folder of the commands that got as far as making it
            assertTrue(written.allMatch(p -> p.equals(file) || p.equals(dir.resolve("results"))), dir.toString());
        }
    }

    private static String header(String text, String key) {
        return text.lines().filter(l -> l.startsWith("# " + key + ": ")).map(l -> l.substring(key.length() + 4))
                .findFirst().orElse(null);
    }

    /** Legal but overloaded: the run goes ahead and says so on the console and in the manifest. */
    @Test
    void anOverloadedRunWarnsAndRecordsTheWarning(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("hot.yaml");
        // one device at 200/s on three layers of 6 ms in all: offered load 1.2
        Files.writeString(f, "name: hot\nprofile: " + PROFILES.resolve("tiny") + "\ntiers: {device: {}}\n"
                + "placement: {cut1: 3, cut2: 3}\nworkload: {arrival: {type: poisson, rate: 200/s}}\n"
                + "early_exit: {threshold: 0.5, disabled: [b1, b2]}\nservice_time: mean\n"
                + "run: {requests: 300, replications: 2, seed: 1}\noutput: {dir: " + dir.resolve("results") + "}\n");
        MainTest.Result r = eesim("run", f.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        String warning = "device offered load 1.2 >= 1: its queue grows for as long as the run lasts";
        assertTrue(r.err().startsWith(f + ": warning: " + warning), r.err());
        try (Stream<Path> folders = Files.list(dir.resolve("results"))) {
            Path manifest = folders.findFirst().orElseThrow().resolve("manifest.yaml");
            assertTrue(Files.readString(manifest).contains("warnings:\n- \"" + warning), Files.readString(manifest));
        }
    }

    @Test
    void aScenarioLargerThanTheCapIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, "name: " + "y".repeat(9 << 20) + "\n");
        MainTest.Result r = eesim("validate", f.toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().startsWith(f + ": the file has 9.0 MiB, more than the 8.0 MiB a scenario may have"),
                r.err());
    }

    @Test
    void aDeviceIsNotReadForever() {
        MainTest.Result r = eesim("validate", "/dev/zero");
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().startsWith("/dev/zero: not a regular file (a named pipe or a device?)"), r.err());
    }

    @Test
    void aNamedPipeDoesNotBlock(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("pipe.yaml");
        Process p = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        MainTest.Result r = eesim("validate", pipe.toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().startsWith(pipe + ": not a regular file"), r.err());
    }

    /**
     * Under {@code LC_ALL=C} the JVM encodes file names as ASCII, fixed at its start: a child JVM
     * with that locale must refuse a non-ASCII profile path with a located message, not a
     * stack trace.
     */
    @Test
    void aUnicodePathUnderTheCLocaleIsALocatedProblem(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nprofile: ./pr\u00f3file\ntiers: {device: {}}\n"
                + "placement: {cut1: 3, cut2: 3}\nworkload: {arrival: {type: poisson, rate: 1/s}}\n"
                + "early_exit: {threshold: 0.5}\nrun: {requests: 10, seed: 1}\n");
        ProcessBuilder pb = new ProcessBuilder(Classpath.java(), "-cp", Classpath.ofThisJvm(), Main.class.getName(),
                "validate", scenario.toString());
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LANG");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM hangs");
        assertEquals(Main.USER_ERROR, p.exitValue(), output);
        assertTrue(output.startsWith(scenario + ":2:10 profile: './pr?file' cannot be a file name on this system"),
                output);
        assertFalse(output.contains("Exception"), output);
    }
}
