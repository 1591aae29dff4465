package org.eesim.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eesim.sweep.Point;
import org.eesim.sweep.SweepPlan;
import org.eesim.units.Units;

/**
 * The swept keys of a plan as table columns ({@code points.csv}, {@code summary_wide.csv}): each
 * key's value as written ({@code 2.15443 Mbps}), and beside a key whose values are all quantities
 * of one kind, the value in SI units as a plain number, in a column named with the unit
 * ({@code links.uplink.bandwidth_bps}: 2154430), so that pandas reads a number, not a string.
 * A key of plain numbers is a number already; other values (a mapping such as
 * {@code workload.mix}, a name) have only the written column.
 */
public final class SweptColumns {

    /** The suffix of each kind's numeric column: its SI unit, spelt for a column name. */
    public static final Map<Units.Kind, String> SUFFIX = Map.of(Units.Kind.TIME, "s", Units.Kind.BITRATE, "bps",
            Units.Kind.SIZE, "B", Units.Kind.RATE, "per_s", Units.Kind.POWER, "W", Units.Kind.ENERGY, "J");

    private final List<String> names;
    private final List<List<String>> rows;

    private SweptColumns(List<String> names, List<List<String>> rows) {
        this.names = List.copyOf(names);
        this.rows = List.copyOf(rows);
    }

    public static SweptColumns of(SweepPlan plan) {
        List<String> keys = plan.keys();
        List<Point> points = plan.points();
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        points.forEach(p -> rows.add(new ArrayList<>()));
        for (int k = 0; k < keys.size(); k++) {
            int key = k;
            List<String> written = points.stream().map(p -> p.assignments().get(key).value()).toList();
            Units.Kind kind = kindOfAll(written);
            names.add(keys.get(k));
            for (int i = 0; i < points.size(); i++) {
                rows.get(i).add(Tables.csv(written.get(i)));
            }
            if (kind != null) {
                names.add(keys.get(k) + "_" + SUFFIX.get(kind));
                for (int i = 0; i < points.size(); i++) {
                    rows.get(i).add(plain(Units.parse(written.get(i), kind)));
                }
            }
        }
        return new SweptColumns(names, rows);
    }

    /** The one kind every value is a quantity of, or null. */
    static Units.Kind kindOfAll(List<String> values) {
        for (Units.Kind kind : Units.Kind.values()) {
            if (values.stream().allMatch(v -> parses(v, kind))) {
                return kind;
            }
        }
        return null;
    }

    private static boolean parses(String value, Units.Kind kind) {
        try {
            Units.parse(value, kind);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The shortest decimal that reads back as {@code v}, without an exponent: 18800000, 0.005. */
    static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** The column names, CSV-quoted where needed, in order. */
    public List<String> header() {
        return names.stream().map(Tables::csv).toList();
    }

    /** The fields of point {@code id}'s row, CSV-quoted where needed, in the header's order. */
    public List<String> row(int id) {
        return rows.get(id);
    }
}
