package org.eesim.models.split;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where a staleness run stands between commands: the last finished epoch, the training seconds
 * so far and one line per command that ran. Beside it in {@code <checkpoints>/<name>/}: the
 * weights and optimizer state ({@link SplitTrainer#save}). A run is only resumed with the same
 * options (but for the number of epochs).
 */
record Checkpoint(int epoch, double seconds, List<String> chunks) {

    Checkpoint {
        chunks = List.copyOf(chunks);
    }

    static Checkpoint read(StalenessOptions o) throws IOException {
        Path file = o.checkpoint().resolve("run.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        String identity = p.getProperty("identity", "");
        if (!identity.equals(o.identity())) {
            throw new IllegalArgumentException("the checkpoint " + o.checkpoint() + " was made with other options ("
                    + identity + "); delete it to start again, or use another --name");
        }
        List<String> chunks = new ArrayList<>();
        for (int i = 0; p.containsKey("chunk." + i); i++) {
            chunks.add(p.getProperty("chunk." + i));
        }
        return new Checkpoint(Integer.parseInt(p.getProperty("epoch")), Double.parseDouble(p.getProperty("seconds")),
                chunks);
    }

    /** The CSV rows up to the checkpoint's epoch (rows written after it are dropped: they are redone). */
    List<String> rows(StalenessOptions o) throws IOException {
        String fix = "; delete the checkpoint " + o.checkpoint() + " to start again";
        if (!Files.isRegularFile(o.csv())) {
            throw new IllegalArgumentException("the checkpoint is after epoch " + epoch + " but " + o.csv()
                    + " is missing" + fix);
        }
        List<String> lines = Files.readAllLines(o.csv());
        if (lines.isEmpty() || !lines.get(0).equals(StalenessRun.HEADER)) {
            throw new IllegalArgumentException(o.csv() + " does not start with the header " + StalenessRun.HEADER + fix);
        }
        int column = List.of(StalenessRun.HEADER.split(",")).indexOf("epoch");
        List<String> kept = new ArrayList<>();
        boolean reached = false;
        for (String line : lines.subList(1, lines.size())) {
            double e = Double.parseDouble(line.split(",", -1)[column]);
            if (e <= epoch) {
                kept.add(line);
                reached |= e == epoch;
            }
        }
        if (!reached) {
            throw new IllegalArgumentException(o.csv() + " has no row for epoch " + epoch + ", where the checkpoint"
                    + " is" + fix);
        }
        return kept;
    }

    Checkpoint next(int finishedEpoch, double totalSeconds) {
        return new Checkpoint(finishedEpoch, totalSeconds, chunks);
    }

    /**
     * Writes this state; with a trainer also its weights and optimizer state, into a fresh folder
     * that then replaces the old one, so a stop mid-way leaves the previous checkpoint whole.
     */
    void save(StalenessOptions o, SplitTrainer trainer) throws IOException {
        Path dir = o.checkpoint();
        Path target = dir;
        if (trainer != null) {
            target = dir.resolveSibling(dir.getFileName() + ".new");
            delete(target);
            trainer.save(target);
        }
        Files.createDirectories(target);
        Properties p = new Properties();
        p.setProperty("identity", o.identity());
        p.setProperty("epoch", Integer.toString(epoch));
        p.setProperty("seconds", String.format(Locale.ROOT, "%.3f", seconds));
        for (int i = 0; i < chunks.size(); i++) {
            p.setProperty("chunk." + i, chunks.get(i));
        }
        Path tmp = target.resolve("run.properties.tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "split-train checkpoint of " + o.name());
        }
        Files.move(tmp, target.resolve("run.properties"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        if (trainer != null) {
            Path old = dir.resolveSibling(dir.getFileName() + ".old");
            delete(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(target, dir, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
