package org.eesim.analysis.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code replications.csv}: one value per (point, replication, metric). */
public final class Replications {

    static final String[] COLUMNS = {"point", "replication", "seed", "metric", "value"};

    private final List<ReplicationRow> rows;

    public Replications(List<ReplicationRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Replications read(Path file) {
        CsvFile csv = CsvFile.read(file, COLUMNS);
        List<ReplicationRow> rows = new ArrayList<>();
        for (CsvFile.Row r : csv.rows()) {
            rows.add(new ReplicationRow(r.nonNegativeInt("point"), r.nonNegativeInt("replication"),
                    r.integer("seed"), r.text("metric"), r.number("value")));
        }
        return new Replications(rows);
    }

    public List<ReplicationRow> rows() {
        return rows;
    }
}
