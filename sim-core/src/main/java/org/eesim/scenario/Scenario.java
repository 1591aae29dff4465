package org.eesim.scenario;

import java.nio.file.Path;
import java.util.Objects;

import org.eesim.profile.Profile;

/**
 * One scenario file, resolved and validated: everything the model needs, in SI units.
 * Built only by {@link ScenarioReader}, which checks every value against the file's own location
 * and against the profile it names, so a {@code Scenario} that exists is runnable.
 *
 * @param name        the scenario's name (defaults to the file name without extension)
 * @param sourceFile  the YAML file it came from
 * @param profile     the loaded profile (the {@code profile:} key, resolved relative to the file)
 * @param tiers       the device, edge and cloud tiers
 * @param links       the uplink (device to the next tier) and the WAN (edge to cloud)
 * @param placement   which layers run on which tier
 * @param workload    arrivals, input-condition mix, deadline
 * @param exitRule    the early-exit rule and thresholds
 * @param serviceTime how layer and branch times are drawn from the profile
 * @param run         run length, warm-up, replications, seed
 * @param output      where results go
 * @param policy      who decides the cuts while the run goes ({@link PolicyConfig#FIXED}: the
 *                    {@code placement}); {@code placement} may be {@code null} for other policies
 * @param energy      the tiers' and the radio's power, or {@code null}: no energy is reported
 * @param training    a training scenario's pipeline (docs/scenario-reference.md#training), or
 *                    {@code null} for an inference scenario; a training scenario has only a name,
 *                    its source file, {@code training}, {@code run}, {@code output} and
 *                    {@code energy} (the training edge in its device slot, no edge tier); the
 *                    inference parts are {@code null}, its policy {@link PolicyConfig#FIXED}
 * @param answer      the answer's trip back to the device, or {@code null}: a request ends where it exits
 */
public record Scenario(
        String name,
        Path sourceFile,
        Profile profile,
        Tiers tiers,
        Links links,
        Placement placement,
        Workload workload,
        ExitRule exitRule,
        ServiceTimeModel serviceTime,
        RunControl run,
        Output output,
        PolicyConfig policy,
        Energy energy,
        Training training,
        Answer answer) {

    /** An inference scenario whose requests end where they exit (no {@code answer} section). */
    public Scenario(String name, Path sourceFile, Profile profile, Tiers tiers, Links links, Placement placement,
                    Workload workload, ExitRule exitRule, ServiceTimeModel serviceTime, RunControl run,
                    Output output, PolicyConfig policy, Energy energy) {
        this(name, sourceFile, profile, tiers, links, placement, workload, exitRule, serviceTime, run, output,
                policy, energy, (Answer) null);
    }

    /** An inference scenario; {@code answer} (or null) its answer's trip back to the device. */
    public Scenario(String name, Path sourceFile, Profile profile, Tiers tiers, Links links, Placement placement,
                    Workload workload, ExitRule exitRule, ServiceTimeModel serviceTime, RunControl run,
                    Output output, PolicyConfig policy, Energy energy, Answer answer) {
        this(name, sourceFile, profile, tiers, links, placement, workload, exitRule, serviceTime, run, output,
                policy, energy, null, answer);
    }

    /** A training scenario without energy. */
    public Scenario(String name, Path sourceFile, Training training, RunControl run, Output output) {
        this(name, sourceFile, training, run, output, null);
    }

    /**
     * A training scenario; {@code energy} (or null) holds the training edge's power in its
     * {@code device} slot, with the radio, and the cloud's.
     */
    public Scenario(String name, Path sourceFile, Training training, RunControl run, Output output, Energy energy) {
        this(name, sourceFile, null, null, null, null, null, null, null, run, output, PolicyConfig.FIXED, energy,
                Objects.requireNonNull(training, "training"), null);
    }

    /** A scenario without an energy section. */
    public Scenario(String name, Path sourceFile, Profile profile, Tiers tiers, Links links, Placement placement,
                    Workload workload, ExitRule exitRule, ServiceTimeModel serviceTime, RunControl run,
                    Output output, PolicyConfig policy) {
        this(name, sourceFile, profile, tiers, links, placement, workload, exitRule, serviceTime, run, output,
                policy, null);
    }

    /** A scenario whose cuts are the fixed {@code placement}. */
    public Scenario(String name, Path sourceFile, Profile profile, Tiers tiers, Links links, Placement placement,
                    Workload workload, ExitRule exitRule, ServiceTimeModel serviceTime, RunControl run,
                    Output output) {
        this(name, sourceFile, profile, tiers, links, placement, workload, exitRule, serviceTime, run, output,
                PolicyConfig.FIXED);
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(output, "output");
        if (training != null) {
            if (profile != null || tiers != null || links != null || placement != null || workload != null
                    || exitRule != null || serviceTime != null || energy != null && energy.edge() != null
                    || answer != null) {
                throw new IllegalArgumentException("a training scenario has no inference parts");
            }
        } else {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(tiers, "tiers");
            Objects.requireNonNull(links, "links");
            if (policy.kind() == PolicyConfig.Kind.FIXED) {
                Objects.requireNonNull(placement, "placement");
            }
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(exitRule, "exitRule");
            Objects.requireNonNull(serviceTime, "serviceTime");
        }
    }

    /** Whether this is a training scenario ({@link #training()} not null). */
    public boolean isTraining() {
        return training != null;
    }

    /** The name of the profile it runs on, inference or training. */
    public String profileName() {
        return training != null ? training.profile().name() : profile.name();
    }

    /** The hash of the profile it runs on, inference or training. */
    public String profileSha256() {
        return training != null ? training.profile().sha256() : profile.sha256();
    }
}
