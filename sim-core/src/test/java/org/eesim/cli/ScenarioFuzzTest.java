package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the shipped scenarios, validated in one JVM: each must end with status 0,
 * or status 2 and nothing but located problems and warnings on the error stream; never an
 * exception, never a hang. The seed is fixed, so a failure names a mutant that can be replayed.
 */
class ScenarioFuzzTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** -Deesim.fuzz.mutants=5000 -Deesim.fuzz.seed=7 for a longer search by hand. */
    static final int MUTANTS = Integer.getInteger("eesim.fuzz.mutants", 300);
    static final long SEED = Long.getLong("eesim.fuzz.seed", 20261201);
    /** Hang detection, not a speed test: a validation that has not ended by then never will. */
    static final long TIMEOUT_SECONDS = 30;

    /** Values that broke the reader once, or look as if they might. */
    static final String[] VALUES = {"1e2147483647", "-1", "0", "1e-300", "1e300 Mbps", "1 bps", "0 s", ".nan",
        ".inf", "-.inf", "", "~", "[]", "{}", "../../escaped", "/etc/passwd", "x".repeat(500), "r\u00e9sum\u00e9",
        "1e100000000", "2147483648", "9223372036854775808", "-0", "0x10", "true", "null", "5 furlongs",
        "1e-2147483648 ms", "1e99999999999", "1/0s", "0/s", "1e-320 s", "3.5", "'", "\"", "&a", "*a", "!!binary x",
        "[1, 2", "{a: 1", "- x", ": :", "1000000000", "100000", "1e5/s", "1 Gbps", "0.999999999", "NaN Mbps",
        "\t", "\u0000", "\ud83d\ude00", "1_000", "1,5 ms", "+5 ms", "5ms", "5 MS", "10 KB"};
    /** Characters dropped into a line at random. */
    static final String[] NOISE = {"{", "}", "[", "]", ":", ",", "-", "#", "&", "*", "!", "|", ">", "'", "\"",
        "%", "@", "\t", " ", "\u00e9", "\\", "\n"};

    @Test
    void mutantsOfTheShippedScenariosNeverCrashOrHang(@TempDir Path dir) throws Exception {
        List<Path> sources = shipped();
        SplittableRandom random = new SplittableRandom(SEED);
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        int refused = 0;
        try {
            for (int i = 0; i < MUTANTS; i++) {
                Path source = sources.get(random.nextInt(sources.size()));
                String mutant = mutate(absoluteProfile(source), random);
                Path f = dir.resolve("mutant-" + i + ".yaml");
                Files.writeString(f, mutant);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                Future<Integer> status = exec.submit(() -> Main.execute(new PrintWriter(out), new PrintWriter(err),
                        "validate", f.toString()));
                int s;
                try {
                    s = status.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    fail("mutant " + i + " of " + source.getFileName() + " hangs:\n" + mutant);
                    return;
                }
                String what = "mutant " + i + " of " + source.getFileName() + " (status " + s + "):\n" + mutant
                        + "\n--- error stream:\n" + err;
                assertTrue(s == 0 || s == Main.USER_ERROR, what);
                assertTrue(!err.toString().contains("Exception") && !err.toString().contains("\tat "), what);
                if (s == Main.USER_ERROR) {
                    refused++;
                    // every file here has an absolute path: the mutant, its profile, the profile's traces
                    Pattern located = Pattern.compile("/[^:]+(:\\d+(:\\d+)?)?( .+?)?: .+"
                            + "|\\d+ problems?; nothing was run\\.");
                    for (String line : err.toString().split("\n")) {
                        assertTrue(located.matcher(line).matches(), "not a located problem: '" + line + "' in " + what);
                    }
                }
            }
        } finally {
            exec.shutdownNow();
        }
        // the mutations must bite: most mutants are refused, and some pass (the readers are not refusing all)
        assertTrue(refused > MUTANTS / 3 && refused < MUTANTS, "refused " + refused + " of " + MUTANTS);
    }

    static List<Path> shipped() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : List.of(REPO.resolve("scenarios"), REPO.resolve("scenarios/gallery"))) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        assertTrue(out.size() >= 15, "shipped scenarios not found under " + REPO);
        return out;
    }

    /** The scenario's text with its profile (and any trace it names) made absolute, so the mutant can live elsewhere. */
    static String absoluteProfile(Path source) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(source)) {
            var m = Pattern.compile("^(\\s*(?:profile|bandwidth_trace):\\s*)(\\S+)(.*)$").matcher(line);
            b.append(m.matches() ? m.group(1) + source.getParent().resolve(m.group(2)).normalize() + m.group(3) : line)
                    .append('\n');
        }
        return b.toString();
    }

    static String mutate(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> lines.set(i, replaceValue(line, VALUES[random.nextInt(VALUES.length)], random));
                case 3 -> lines.remove(i);
                case 4 -> lines.add(i, line);
                case 5 -> {
                    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(i, line.substring(0, at) + NOISE[random.nextInt(NOISE.length)] + line.substring(at));
                }
                default -> lines.set(i, (random.nextBoolean() ? "  " : "") + line.stripLeading());
            }
        }
        return String.join("\n", lines);
    }

    /** One value of the line (after a 'key:' or inside braces) replaced by {@code value}. */
    static String replaceValue(String line, String value, SplittableRandom random) {
        var m = Pattern.compile(":\\s*([^,{}\\[\\]#]+)").matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return line + " " + value;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        return line.substring(0, s[0]) + value + line.substring(s[1]);
    }
}
