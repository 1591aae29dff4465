package org.eesim.scenario;

import java.util.ArrayList;
import java.util.List;

import org.eesim.profile.Branch;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.YamlNode;

/**
 * Whether the profile's measurements can drive the chosen service-time model, so that nothing of
 * the profile is silently ignored or misread (issue 11). {@code empirical} draws one repetition
 * per request for all of its layers and branches, so it needs every measured layer to have the
 * same number of samples, none of them a zero-time timer tick, and no layer with a spread but no
 * samples; {@code lognormal} uses each mean and sd; {@code mean} and {@code exponential} use the
 * means alone, by definition.
 */
public final class ServiceTimeCheck {

    private ServiceTimeCheck() {
    }

    /** A profile's timed item: a layer or a branch, with what a message calls it. */
    private record Timed(String what, TimeStats time) {
    }

    /**
     * Reports why {@code model} cannot run on {@code profile}, at the scenario's
     * {@code service_time} key (or at {@code profile} when the model is the default).
     */
    static void check(Problems problems, Fields scenario, Profile profile, ServiceTimeModel model) {
        String problem = problem(profile, model);
        if (problem == null) {
            return;
        }
        YamlNode at = scenario.node("service_time");
        if (at != null) {
            problems.add(at, problem);
        } else {
            problems.add(scenario.node("profile"), "service_time is empirical by default: " + problem);
        }
    }

    /** Why {@code model} cannot run on {@code profile}, or {@code null}. */
    public static String problem(Profile profile, ServiceTimeModel model) {
        if (model != ServiceTimeModel.EMPIRICAL) {
            return null;
        }
        List<Timed> items = new ArrayList<>();
        for (Layer l : profile.layers()) {
            items.add(new Timed("layer '" + l.name() + "'", l.time()));
        }
        for (Branch b : profile.branches()) {
            items.add(new Timed("branch '" + b.name() + "'", b.time()));
        }
        String profileName = "profile '" + profile.name() + "'";
        if (profile.unusableSamples() != null && items.stream().anyMatch(t -> t.time().samples().length > 0)) {
            return profileName + " marks its time samples unusable (" + profile.unusableSamples()
                    + "): resampling them would misstate single passes; use service_time: mean";
        }
        Timed first = null;
        for (Timed t : items) {
            double[] s = t.time().samples();
            int zeros = 0;
            for (double v : s) {
                zeros += v == 0 ? 1 : 0;
            }
            if (zeros > 0) {
                return profileName + " " + t.what() + ": " + zeros + " of " + s.length + " time samples are 0 s"
                        + " (timer ticks, not times): resampling would run it in zero time; use service_time:"
                        + " mean, or mark the profile's time_samples unusable";
            }
            if (s.length > 0 && first == null) {
                first = t;
            } else if (s.length > 0 && s.length != first.time().samples().length) {
                return profileName + " " + first.what() + " has " + first.time().samples().length + " time samples and "
                        + t.what() + " " + s.length + ": service_time: empirical draws one repetition (one"
                        + " forward pass) for all layers of a request, so every timed layer and branch needs the"
                        + " same number; use service_time: mean or lognormal";
            }
        }
        for (Timed t : items) {
            if (t.time().samples().length == 0 && t.time().sdSeconds() > 0) {
                return profileName + " " + t.what() + " has an sd (" + String.format(java.util.Locale.ROOT, "%.3g ms", t.time().sdSeconds() * 1e3)
                        + ") but no samples, which service_time: empirical cannot use; use service_time: lognormal"
                        + " (the profile's mean and sd) or mean";
            }
        }
        return null;
    }

    /** The number of repetitions {@code empirical} draws from (0: the profile has no samples). */
    public static int repetitions(Profile profile) {
        for (Layer l : profile.layers()) {
            if (l.time().samples().length > 0) {
                return l.time().samples().length;
            }
        }
        for (Branch b : profile.branches()) {
            if (b.time().samples().length > 0) {
                return b.time().samples().length;
            }
        }
        return 0;
    }
}
