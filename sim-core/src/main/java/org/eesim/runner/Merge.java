package org.eesim.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.results.Block;
import org.eesim.results.Journal;
import org.eesim.results.ResultsConflict;
import org.eesim.results.RunFolder;
import org.eesim.sweep.Run;

/**
 * Joins shard folders into the whole plan's folder. Rows are copied as text, so the merged
 * tables are byte for byte those a single local run writes, and summaries are recomputed from
 * them. A run found in two shards with different rows means the shards are not of one plan.
 */
public final class Merge {

    private Merge() {
    }

    /** Copies every run of {@code shards} not yet in {@code target}; returns the plan's runs still missing. */
    public static List<Run> into(RunFolder target, List<Path> shards) {
        String hash = target.plan().sha256();
        for (Path s : shards) {
            String[] rec = RunFolder.recorded(s);
            if (!hash.equals(rec[0])) {
                throw new ResultsConflict(s + " holds the results of another scenario or sweep (plan "
                        + (rec[0] == null ? "unknown" : rec[0].substring(0, 8)) + ", this one " + hash.substring(0, 8)
                        + "); nothing was merged.");
            }
        }
        Map<Run, Path> from = new HashMap<>();
        try (Journal journal = Journal.open(target.dir())) {
            Map<Run, Block> have = new HashMap<>();
            Set<Run> done = journal.done();
            for (Path s : shards) {
                for (Block b : Journal.load(s).values()) {
                    Block earlier = have.putIfAbsent(b.run(), b);
                    if (earlier != null && !earlier.equals(b)) {
                        throw new ResultsConflict("run (point " + b.run().point() + ", replication "
                                + b.run().replication() + ") differs between " + from.get(b.run()) + " and " + s
                                + "; nothing more was merged.");
                    }
                    from.putIfAbsent(b.run(), s);
                    if (earlier == null && !done.contains(b.run())) {
                        journal.append(b);
                    }
                }
            }
            Set<Run> now = journal.done();
            List<Run> missing = new ArrayList<>();
            for (Run r : target.slice()) {
                if (!now.contains(r)) {
                    missing.add(r);
                }
            }
            return missing;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shard results: " + e.getMessage(), e);
        }
    }
}
