package org.eesim.policy;

import java.util.Objects;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;

/**
 * What a policy decides: the cuts, and the exit rule that holds from now on.
 *
 * @param placement       layers 1..cut1 on the device, ..cut2 at the edge, the rest in the cloud
 * @param exitRule        thresholds and enabled branches (a policy without early exits disables
 *                        every branch)
 * @param expectedSeconds the expected inference time the policy computed for it, or NaN when it
 *                        computes none
 */
public record Decision(Placement placement, ExitRule exitRule, double expectedSeconds) {
    public Decision {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(exitRule, "exitRule");
    }
}
