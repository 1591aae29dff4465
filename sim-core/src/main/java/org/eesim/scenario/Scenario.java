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
        Energy energy) {

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
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(policy, "policy");
        if (policy.kind() == PolicyConfig.Kind.FIXED) {
            Objects.requireNonNull(placement, "placement");
        }
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(exitRule, "exitRule");
        Objects.requireNonNull(serviceTime, "serviceTime");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(output, "output");
    }
}
