package org.eesim.analysis.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.eesim.yaml.ProblemsException;

/**
 * x from a parameter of each point's input condition, {@code --x condition.sigma}: the
 * distortion level of seed 001's figures. The condition is the point's one-condition
 * {@code workload.mix}; its parameters come from the profile its resolved scenario names
 * (the shipped profiles' convention: {@code type}, {@code sigma}, {@code sigma_units},
 * {@code branch_set}). An undistorted condition ({@code type: none}) sits at 0 of every
 * distortion parameter, and belongs to every series of its branch set. The profile is read
 * with sim-core's reader, whose schema it is.
 */
public final class ConditionAxis implements PointAxis {

    /** The prefix of an x key that names a condition parameter. */
    public static final String PREFIX = "condition.";

    private final String parameter;
    private final String label;
    private final Map<Path, Profile> profiles;

    private ConditionAxis(String parameter, String label, Map<Path, Profile> profiles) {
        this.parameter = parameter;
        this.label = label;
        this.profiles = profiles;
    }

    public static boolean names(String key) {
        return key != null && key.startsWith(PREFIX) && key.length() > PREFIX.length();
    }

    /**
     * @param label the axis title without unit, or null for the parameter's name; the unit is
     *     the {@code <parameter>_units} of the first distorted condition, when it has one
     */
    public static ConditionAxis of(String key, String label, List<ResultsFolder> folders) {
        ConditionAxis axis = new ConditionAxis(key.substring(PREFIX.length()), null, new HashMap<>());
        String units = null;
        for (ResultsFolder f : folders) {
            for (int p : f.summary().points()) {
                Map<String, String> params = axis.parameters(f, p);
                if (!"none".equals(params.getOrDefault("type", "none")) || params.containsKey(axis.parameter)) {
                    units = params.get(axis.parameter + "_units");
                    break;
                }
            }
            if (units != null) {
                break;
            }
        }
        String title = label == null ? axis.parameter : label;
        // the profiles read to find the unit are kept: a trace profile is not parsed twice
        return new ConditionAxis(axis.parameter, units == null ? title : title + " (" + units + ")", axis.profiles);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public double x(ResultsFolder folder, int point) {
        Map<String, String> params = parameters(folder, point);
        String v = params.get(parameter);
        if (v == null) {
            if ("none".equals(params.getOrDefault("type", ""))) {
                return 0; // undistorted: level 0 of any distortion
            }
            throw ResultsException.at(folder.resolved(point).file(), 0, "workload.mix",
                    "condition '" + condition(folder, point) + "' has no parameter '" + parameter
                            + "' in its profile, and is not undistorted (type none)");
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ResultsException.at(folder.resolved(point).file(), 0, "workload.mix",
                    "condition '" + condition(folder, point) + "' has " + parameter + " '" + v
                            + "', not a number");
        }
    }

    /**
     * The series a point belongs to: its branch set, prefixed by the distortion type when
     * {@code types} has several; an undistorted point belongs to every series of its branch set
     * that {@code known} holds (empty when there is none yet).
     */
    public List<String> groups(ResultsFolder folder, int point, Set<String> types, Set<String> known) {
        Map<String, String> params = parameters(folder, point);
        String type = params.getOrDefault("type", "none");
        String set = params.getOrDefault("branch_set", "standard");
        if (type.equals("none")) {
            return known.stream().filter(g -> g.equals(set) || g.endsWith(", " + set)).toList();
        }
        return List.of(types.size() > 1 ? type + ", " + set : set);
    }

    /** The distortion types of the distorted points among these. */
    public Set<String> types(List<ResultsFolder> folders) {
        Set<String> types = new LinkedHashSet<>();
        for (ResultsFolder f : folders) {
            for (int p : f.summary().points()) {
                String type = parameters(f, p).getOrDefault("type", "none");
                if (!type.equals("none")) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** True when the point is undistorted (it joins the series of its branch set at x = 0). */
    public boolean undistorted(ResultsFolder folder, int point) {
        return "none".equals(parameters(folder, point).getOrDefault("type", "none"));
    }

    private Map<String, String> parameters(ResultsFolder folder, int point) {
        String condition = condition(folder, point);
        ResolvedScenario r = folder.resolved(point);
        Path dir = Path.of(r.node("profile").map(JsonNode::asText).orElseThrow(
                () -> ResultsException.at(r.file(), 0, "profile", "no profile: cannot read condition parameters")));
        Condition c = profile(dir).conditions().get(condition);
        if (c == null) {
            throw ResultsException.at(dir.resolve("profile.yaml"), 0, "conditions",
                    "no condition '" + condition + "' (named by " + r.file() + ")");
        }
        return c.parameters();
    }

    private static String condition(ResultsFolder folder, int point) {
        ResolvedScenario r = folder.resolved(point);
        Optional<JsonNode> mix = r.node("workload.mix");
        if (mix.isEmpty() || !mix.get().isObject() || mix.get().size() != 1) {
            throw ResultsException.at(r.file(), 0, "workload.mix", "x from a condition parameter needs"
                    + " one condition per point, got " + mix.map(JsonNode::toString).orElse("none"));
        }
        return mix.get().fieldNames().next();
    }

    private Profile profile(Path dir) {
        return profiles.computeIfAbsent(dir, d -> {
            try {
                return ProfileReader.read(d);
            } catch (ProblemsException e) {
                throw new ResultsException("the profile " + d + " of these results cannot be read: "
                        + e.getMessage(), e);
            }
        });
    }
}
