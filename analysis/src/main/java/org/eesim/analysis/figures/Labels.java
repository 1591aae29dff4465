package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eesim.analysis.results.Quantity;
import org.eesim.analysis.results.ResultsFolder;
import org.eesim.analysis.style.Numbers;

/**
 * What a sweep point is called in a legend or on a bar: its swept values, not
 * {@code key=value} pairs. A value with a unit speaks for itself ({@code 2.15 Mbps}); a bare
 * number gets its key without the section ({@code threshold 0.5}); a one-condition mix is the
 * condition ({@code blur-3}). Numbers keep 3 significant digits, or more where 3 would make two
 * values of a key read alike ({@code 2.154} and {@code 2.155}).
 */
public final class Labels {

    private static final int DIGITS = 3;
    private static final int MAX_DIGITS = 8;
    /** A mapping with only a type, as a sweep writes {@code {type: jointdnn}}. */
    private static final java.util.regex.Pattern TYPED =
            java.util.regex.Pattern.compile("^\\{\\s*type\\s*:\\s*([A-Za-z0-9_.-]+)\\s*}$");

    /** Significant digits per swept key. */
    private final Map<String, Integer> digits;

    private Labels(Map<String, Integer> digits) {
        this.digits = digits;
    }

    /** Labels for the points of these folders: the digits each key needs to keep its values apart. */
    public static Labels of(Collection<ResultsFolder> folders) {
        Map<String, Set<String>> written = new LinkedHashMap<>();
        for (ResultsFolder f : folders) {
            for (String key : f.points().keys()) {
                for (int p : f.summary().points()) {
                    written.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.points().value(p, key));
                }
            }
        }
        Map<String, Integer> digits = new HashMap<>();
        written.forEach((key, values) -> digits.put(key, digitsFor(key, values)));
        return new Labels(digits);
    }

    private static int digitsFor(String key, Set<String> values) {
        for (int d = DIGITS; d < MAX_DIGITS; d++) {
            Set<String> shown = new HashSet<>();
            for (String v : values) {
                shown.add(value(key, v, d));
            }
            if (shown.size() == values.size()) {
                return d;
            }
        }
        return MAX_DIGITS;
    }

    /** The point's swept values except {@code leaveOut}, joined by commas; "" when none. */
    public String point(ResultsFolder folder, int point, Collection<String> leaveOut) {
        List<String> parts = new ArrayList<>();
        for (String key : folder.points().keys()) {
            if (!leaveOut.contains(key)) {
                parts.add(value(key, folder.points().value(point, key),
                        digits.getOrDefault(key, DIGITS)));
            }
        }
        return String.join(", ", parts);
    }

    /** One value of {@code key} as written in the sweep, in a legend's words. */
    static String value(String key, String written, int digits) {
        if (key.equals("workload.mix")) {
            return written.replaceFirst("^\\{\\s*([^:,{}]+?)\\s*:\\s*1(\\.0*)?\\s*}$", "$1");
        }
        if (key.equals("profile")) {
            return written.replaceFirst("/+$", "").replaceFirst(".*/", ""); // a folder: its name
        }
        java.util.regex.Matcher typed = TYPED.matcher(written);
        if (typed.matches()) {
            return typed.group(1); // a section named by its type, e.g. a policy {type: jointdnn}
        }
        if (written.equals("true") || written.equals("false")) {
            return shortKey(key) + " " + written;
        }
        Quantity q;
        try {
            q = Quantity.parse(written);
        } catch (IllegalArgumentException notANumber) {
            return written; // a word (a rule, a policy) names itself
        }
        String n = Numbers.significant(q.value(), digits);
        if (q.unit().isEmpty()) {
            return shortKey(key) + " " + n;
        }
        return q.unit().startsWith("/") ? n + q.unit() : n + " " + q.unit();
    }

    /**
     * The key without its section, words apart: {@code early_exit.threshold} is
     * {@code threshold}, {@code tiers.device.count} is {@code device count}.
     */
    static String shortKey(String key) {
        int dot = key.indexOf('.');
        return (dot < 0 ? key : key.substring(dot + 1)).replace('.', ' ');
    }
}
