package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --rename 'OLD=NEW'}: what a legend entry or bar is called in the figure. Only what is
 * drawn changes; the figure's CSV keeps the series' own names, which {@code --reference} files
 * and scripts use. A name that matches nothing drawn is an error, since a typo would otherwise
 * pass unseen.
 */
public final class Renames {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final Set<String> seen = new TreeSet<>();

    /** Parses {@code OLD=NEW} pairs; the first {@code =} splits, so NEW may hold one. */
    public static Renames parse(Collection<String> pairs) {
        Renames r = new Renames();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--rename '" + pair + "': expected OLD=NEW, e.g."
                        + " --rename 'threshold 0.5=p_tar 0.5'");
            }
            String old = pair.substring(0, eq).strip();
            if (r.names.put(old, pair.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("--rename: '" + old + "' is renamed twice");
            }
        }
        return r;
    }

    public static Renames none() {
        return new Renames();
    }

    /** The name {@code label} is drawn under. */
    public String apply(String label) {
        seen.add(label);
        String to = names.get(label);
        if (to == null) {
            return label;
        }
        used.add(label);
        return to;
    }

    /** Fails when a rename matched no label drawn, listing the labels there were. */
    public void requireAllUsed() {
        List<String> unused = new ArrayList<>(names.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            Set<String> drawn = new TreeSet<>(seen);
            drawn.removeAll(used);
            throw new IllegalArgumentException("--rename: no legend entry or bar is called '"
                    + String.join("', '", unused) + "' (drawn: " + String.join(", ", drawn) + ")");
        }
    }
}
