package org.eesim.results;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eesim.sweep.Run;

/**
 * The append-only record of finished runs in a results folder, safe against being stopped at
 * any instant (Ctrl-C, kill -9, a cluster's time limit).
 *
 * <p>A run appends its rows to {@code distribution.csv}, then to {@code replications.csv}, each
 * as one write, and last one completion record to {@code runs.csv}
 * ({@code point,replication,seed,rows,distribution_rows}). A run counts as done only when its
 * record is there and both files hold exactly the rows it announces. On opening, whatever a stop
 * left behind (a torn last line, rows of a run whose record never came) is dropped and the files
 * are rewritten atomically, so nothing is lost, nothing is counted twice and no row is torn.
 */
public final class Journal implements Closeable {

    public static final String RUNS_HEADER = "point,replication,seed,rows,distribution_rows";

    /** Held while the journal is open; the OS releases it when the process dies, even by SIGKILL. */
    static final String LOCK = ".lock";

    private final java.nio.channels.FileChannel lockChannel;
    private final OutputStream distribution;
    private final OutputStream replications;
    private final OutputStream runs;
    private final Set<Run> done;

    private Journal(Path dir, Set<Run> done, java.nio.channels.FileChannel lockChannel) throws IOException {
        this.lockChannel = lockChannel;
        this.done = Collections.synchronizedSet(new java.util.HashSet<>(done));
        this.distribution = new FileOutputStream(dir.resolve(Tables.DISTRIBUTION).toFile(), true);
        this.replications = new FileOutputStream(dir.resolve(Tables.REPLICATIONS).toFile(), true);
        this.runs = new FileOutputStream(dir.resolve(Tables.RUNS).toFile(), true);
    }

    /**
     * Opens the journal of {@code dir} for appending, first dropping whatever a stop left torn.
     *
     * @throws ResultsConflict when another process has it open: two writers would lose rows
     */
    public static Journal open(Path dir) {
        java.nio.channels.FileChannel lock = null;
        try {
            lock = java.nio.channels.FileChannel.open(dir.resolve(LOCK), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            if (lock.tryLock() == null) {
                throw new ResultsConflict("another eesim process is writing into " + dir
                        + "; wait for it to end (or stop it, then run again to resume); nothing was run.");
            }
            Map<Run, Block> blocks = load(dir);
            Tables.write(dir, blocks.values());
            return new Journal(dir, blocks.keySet(), lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            closeQuietly(lock);
            throw new ResultsConflict("this process is already writing into " + dir);
        } catch (ResultsConflict e) {
            closeQuietly(lock);
            throw e;
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UncheckedIOException("cannot open the results in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The runs recorded as done. */
    public Set<Run> done() {
        synchronized (done) {
            return Set.copyOf(done);
        }
    }

    /** Appends one finished run; threads may call this concurrently. */
    public synchronized void append(Block b) {
        try {
            distribution.write(lines(b.distributionRows()));
            replications.write(lines(b.replicationRows()));
            runs.write((b.record() + "\n").getBytes(StandardCharsets.UTF_8));
            done.add(b.run());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append results: " + e.getMessage(), e);
        }
    }

    private static byte[] lines(List<String> rows) {
        StringBuilder s = new StringBuilder();
        rows.forEach(r -> s.append(r).append('\n'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(java.nio.channels.FileChannel c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closing a lock file that could not be used: nothing left to do
        }
    }

    @Override
    public synchronized void close() {
        try (lockChannel; distribution; replications; runs) {
            runs.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole runs recorded in {@code dir}, in (point, replication) order, read without
     * changing anything (a merge reads shards this way). Missing files are empty journals.
     */
    public static Map<Run, Block> load(Path dir) throws IOException {
        Map<Run, String[]> records = new LinkedHashMap<>();
        for (String line : wholeLines(dir.resolve(Tables.RUNS))) {
            String[] f = line.split(",");
            if (f.length == 5 && !line.equals(RUNS_HEADER)) {
                try {
                    records.putIfAbsent(new Run(Integer.parseInt(f[0]), Integer.parseInt(f[1])), f);
                } catch (NumberFormatException e) {
                    // not a record this code wrote whole: the run will simply run again
                }
            }
        }
        Map<Run, List<String>> reps = rowsByRun(dir.resolve(Tables.REPLICATIONS), records.keySet());
        Map<Run, List<String>> dist = rowsByRun(dir.resolve(Tables.DISTRIBUTION), records.keySet());
        Map<Run, Block> out = new TreeMap<>();
        for (Map.Entry<Run, String[]> e : records.entrySet()) {
            String[] f = e.getValue();
            List<String> r = reps.getOrDefault(e.getKey(), List.of());
            List<String> d = dist.getOrDefault(e.getKey(), List.of());
            int nr = Integer.parseInt(f[3]);
            int nd = Integer.parseInt(f[4]);
            // Rows beyond the announced count belong to a later attempt that never finished.
            if (r.size() >= nr && d.size() >= nd) {
                out.put(e.getKey(), new Block(e.getKey(), Long.parseLong(f[2]), r.subList(0, nr), d.subList(0, nd)));
            }
        }
        return out;
    }

    /** Rows of {@code file} by run, for recorded runs only; a torn last line is no row. */
    private static Map<Run, List<String>> rowsByRun(Path file, Set<Run> recorded) throws IOException {
        Map<Run, List<String>> out = new HashMap<>();
        List<String> lines = wholeLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int a = line.indexOf(',');
            int b = a < 0 ? -1 : line.indexOf(',', a + 1);
            if (b < 0) {
                continue;
            }
            try {
                Run run = new Run(Integer.parseInt(line.substring(0, a)), Integer.parseInt(line.substring(a + 1, b)));
                if (recorded.contains(run)) {
                    out.computeIfAbsent(run, k -> new ArrayList<>()).add(line);
                }
            } catch (NumberFormatException e) {
                // a header or a torn fragment
            }
        }
        return out;
    }

    /** The lines of {@code file} that end with a line break (a stop can tear only the last). */
    static List<String> wholeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        // Decoded leniently: a stop can cut a character in two, and that line is dropped anyway.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return List.of(text.substring(0, end).split("\n", -1));
    }
}
