package org.eesim.scenario;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/**
 * {@code policy.expert}: the classifier's time and confusion matrix, checked against the profile:
 * every condition in the mix must have a distortion class, and every expert variant a guess can
 * lead to must be in the profile.
 */
final class ExpertReader {

    private final Problems problems;

    ExpertReader(Problems problems) {
        this.problems = problems;
    }

    PolicyConfig.Expert read(YamlNode node, Profile profile, Map<String, Double> mix) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "classifier_time", "confusion");
        Double time = f.quantity("classifier_time", Units.Kind.TIME, 0.0);
        if (time != null && time < 0) {
            problems.add(f.node("classifier_time"), "classifier_time must be >= 0, got "
                    + f.node("classifier_time").describe());
        }
        double[][] confusion = confusion(f);
        if (problems.size() > before || f.mapping() == null || confusion == null) {
            return null;
        }
        if (profile != null && mix != null) {
            checkVariants(f.node("confusion"), confusion, profile, mix);
        }
        return problems.size() > before ? null : new PolicyConfig.Expert(time, confusion);
    }

    /**
     * The conditions whose exit data requests can use: the mix's, then each expert variant the
     * classifier sends a mix condition to with non-zero probability (variants missing from the
     * profile are reported by {@link #read}, and left out here).
     */
    static Set<String> reachable(Profile profile, Collection<String> mix, PolicyConfig.Expert expert) {
        Set<String> out = new LinkedHashSet<>(mix);
        if (profile == null || expert == null) {
            return out;
        }
        for (String c : mix) {
            Condition cond = profile.conditions().get(c);
            int truth = cond == null ? -1 : PolicyConfig.Expert.classOf(c, cond.parameters());
            for (int k = 1; truth >= 0 && k < 3; k++) {
                String v = PolicyConfig.Expert.variant(c, k);
                if (expert.confusion()[truth][k] > 0 && profile.conditions().containsKey(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private double[][] confusion(Fields f) {
        List<String> classes = PolicyConfig.Expert.CLASSES;
        String[] keys = classes.toArray(String[]::new);
        Fields rows = Fields.of(f.required("confusion"), problems, keys);
        if (rows.mapping() == null) {
            return null;
        }
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            YamlNode rowNode = rows.required(keys[i]);
            Fields row = Fields.of(rowNode, problems, keys);
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                Double p = row.has(keys[k]) ? Values.probability(row.node(keys[k]), "a confusion entry", problems) : 0.0;
                m[i][k] = p == null ? 0 : p;
                sum += m[i][k];
            }
            if (rowNode != null && row.mapping() != null && Math.abs(sum - 1) > 1e-9) {
                problems.add(rowNode, "the guesses for true class " + keys[i] + " must sum to 1, got "
                        + Values.s(sum));
            }
        }
        return m;
    }

    private void checkVariants(YamlNode at, double[][] confusion, Profile profile, Map<String, Double> mix) {
        for (String c : mix.keySet()) {
            Condition cond = profile.conditions().get(c);
            if (cond == null) {
                continue; // reported by the workload
            }
            int truth = PolicyConfig.Expert.classOf(c, cond.parameters());
            if (truth < 0) {
                problems.addAtKey(at, "condition '" + c + "' has distortion type '"
                        + cond.parameters().getOrDefault("type", "(none given, and its name does not tell)")
                        + "', which the classifier does not know (its classes: pristine = type none, blur, noise)");
                continue;
            }
            for (int k = 1; k < 3; k++) {
                String v = PolicyConfig.Expert.variant(c, k);
                if (confusion[truth][k] > 0 && !profile.conditions().containsKey(v)) {
                    problems.addAtKey(at, "a '" + c + "' input is taken for " + PolicyConfig.Expert.CLASSES.get(k)
                            + " with probability " + Values.s(confusion[truth][k]) + ", but the profile has no"
                            + " condition '" + v + "' (the expert branches' exit data for it)");
                }
            }
        }
    }
}
