package org.eesim.policy;

import java.util.ArrayList;
import java.util.List;

import org.eesim.profile.Branch;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;

/** Builds the policy a scenario names. */
public final class Policies {

    private Policies() {
    }

    public static OffloadPolicy of(Scenario s) {
        PolicyConfig p = s.policy();
        int n = s.profile().layers().size();
        switch (p.kind()) {
            case FIXED:
                return new StaticPolicy(s.placement(), s.exitRule());
            case DEVICE_ONLY:
                return StaticPolicy.deviceOnly(n, s.exitRule());
            case EDGE_ONLY:
                return StaticPolicy.edgeOnly(n, s.exitRule());
            case CLOUD_ONLY:
                return StaticPolicy.cloudOnly(s.exitRule());
            case POPEX:
                return new PopexPolicy(new NetworkCosts(s), s.exitRule(), p.thresholds(), p.branchThresholds(),
                        p.latencySeconds());
            case TINYML:
                return new TinyMlPolicy(new NetworkCosts(s), s.exitRule(), p.publishedIndexing());
            case NEUROSURGEON:
            default:
                List<String> names = new ArrayList<>();
                for (Branch b : s.profile().branches()) {
                    names.add(b.name());
                }
                return new NeurosurgeonPolicy(new NetworkCosts(s), s.exitRule(), names, p.minimiseEnergy());
        }
    }
}
