package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eesim.profile.Condition;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.scenario.Workload;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's offloading experiment, reproduced from the shipped scenarios
 * {@code scenarios/seed001-{standard,expert-blur,expert-noise}.yaml} and the profile imported from
 * the seed's published exit rates. For every condition at p_tar 0.8 the simulated offloading
 * probability (share of requests crossing edge to cloud) must match the published
 * {@code 1 - edge_exit_rate_branch_3 / 100}, and the simulated accuracy the published
 * {@code avg_acc / 100}. The published numbers below are copied from the seed's CSVs, not from
 * the profile, so the check covers the import's algebra (cumulative to conditional rates) as well
 * as the simulator's routing.
 *
 * <p>Tolerance: 23 conditions x 2 metrics = 46 checks. At 95% each, a correct model would miss
 * about 2.3 of them (and at least one with probability 0.91), so each published value must lie in
 * the simulation's 99.9% Student-t interval over 10 replications (all 46 hold with probability
 * about 0.95), and at most 6 of the 46 may fall outside the 95% interval (a correct model has
 * more than 6 misses with probability under 1%). The 95% half-widths must be under 0.5 percentage
 * points, so the test can tell apart conditions whose published values differ by 1 point or more;
 * a wrong conversion (using the cumulative rates as conditional ones) moves P_off by 1.4 to 9.8
 * points in 22 of the 23 conditions (0.06 in noise-40@expert-noise, where almost nothing exits
 * before branch 3). Seeds are those of the scenario files; 10 x 20,000 requests per condition.
 */
class Seed001ReproductionTest {

    /** Condition, published edge_exit_rate_branch_3 (%) and avg_acc (%) at p_tar 0.8. */
    record Published(String condition, double edgeExitRate3Percent, double avgAccPercent) {
    }

    static final List<Published> PUBLISHED = List.of(
            new Published("pristine", 54.12303664921466, 81.47905759162303),
            new Published("blur-1", 48.88743455497382, 69.14267015706807),
            new Published("blur-2", 31.38089005235602, 38.18717277486911),
            new Published("blur-3", 21.433246073298427, 17.015706806282722),
            new Published("blur-4", 19.666230366492147, 9.81675392670157),
            new Published("blur-5", 18.030104712041886, 6.806282722513089),
            new Published("noise-5", 34.94764397905759, 52.32329842931938),
            new Published("noise-10", 24.64005235602094, 30.399214659685864),
            new Published("noise-20", 15.18324607329843, 8.540575916230367),
            new Published("noise-30", 16.55759162303665, 2.1596858638743455),
            new Published("noise-40", 26.83246073298429, 0.8835078534031414),
            new Published("pristine@expert-blur", 48.29842931937173, 76.76701570680629),
            new Published("blur-1@expert-blur", 48.7238219895288, 74.11649214659685),
            new Published("blur-2@expert-blur", 41.55759162303665, 68.84816753926701),
            new Published("blur-3@expert-blur", 30.399214659685864, 58.57329842931938),
            new Published("blur-4@expert-blur", 20.876963350785342, 46.2696335078534),
            new Published("blur-5@expert-blur", 13.972513089005236, 37.04188481675393),
            new Published("pristine@expert-noise", 37.467277486910994, 76.30890052356021),
            new Published("noise-5@expert-noise", 33.57329842931937, 71.36780104712042),
            new Published("noise-10@expert-noise", 28.664921465968586, 65.37958115183245),
            new Published("noise-20@expert-noise", 18.1282722513089, 53.89397905759162),
            new Published("noise-30@expert-noise", 8.835078534031414, 41.09947643979058),
            new Published("noise-40@expert-noise", 1.9960732984293195, 25.13089005235602));

    static final double WIDE = 0.999;
    static final int MAX_MISSES_AT_95 = 6;
    static final double MAX_HALF_WIDTH = 0.005;

    @Test
    void offloadingAndAccuracyMatchThePublishedValuesAtPtar08() throws Exception {
        Map<String, Scenario> byBranchSet = new HashMap<>();
        for (String set : List.of("standard", "expert-blur", "expert-noise")) {
            Scenario s = ScenarioReader.read(Path.of("../scenarios/seed001-" + set + ".yaml"));
            assertEquals(0.8, s.exitRule().threshold(), "the shipped scenarios run at p_tar 0.8");
            assertEquals(set, branchSet(s, s.workload().mix().keySet().iterator().next()),
                    "the scenario's own condition belongs to its branch set");
            byBranchSet.put(set, s);
        }
        List<String> failures = new ArrayList<>();
        int missesAt95 = 0;
        System.out.println("| condition | P_off published (%) | P_off simulated (%) | accuracy published (%)"
                + " | accuracy simulated (%) |");
        for (Published p : PUBLISHED) {
            Scenario base = byBranchSet.get(branchSet(byBranchSet.get("standard"), p.condition()));
            Scenario s = withCondition(base, p.condition());
            List<ReplicationRunner.Outcome> outcomes = Runs.of(s, 2);
            Map<String, Summary> at95 = byMetric(Runs.summarise(outcomes));
            Map<String, Summary> wide = byMetric(Runs.summarise(outcomes, WIDE));
            double pOff = 1 - p.edgeExitRate3Percent() / 100;
            double accuracy = p.avgAccPercent() / 100;
            for (var check : List.of(Map.entry("offload.edge_to_cloud", pOff), Map.entry("accuracy", accuracy))) {
                String metric = check.getKey();
                double published = check.getValue();
                if (!wide.get(metric).contains(published)) {
                    failures.add(p.condition() + " " + metric + ": published " + published + " outside "
                            + wide.get(metric));
                }
                if (!at95.get(metric).contains(published)) {
                    missesAt95++;
                }
                if (!(at95.get(metric).halfWidth() < MAX_HALF_WIDTH)) {
                    failures.add(p.condition() + " " + metric + ": interval too wide " + at95.get(metric));
                }
            }
            assertEquals(1.0, at95.get("offload.device_to_next").mean(), "every image goes to the edge");
            System.out.printf("| %s | %.2f | %s | %.2f | %s |%n", p.condition(), 100 * pOff,
                    percent(at95.get("offload.edge_to_cloud")), 100 * accuracy, percent(at95.get("accuracy")));
        }
        System.out.println("published values outside the 95% interval: " + missesAt95 + " of "
                + 2 * PUBLISHED.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(missesAt95 <= MAX_MISSES_AT_95, missesAt95 + " of 46 published values outside the 95% interval");
    }

    static String branchSet(Scenario s, String condition) {
        Condition c = s.profile().conditions().get(condition);
        assertTrue(c != null, "profile has no condition " + condition);
        return c.parameters().get("branch_set");
    }

    static Scenario withCondition(Scenario s, String condition) {
        Workload w = new Workload(s.workload().arrival(), Map.of(condition, 1.0), s.workload().deadlineSeconds());
        RunControl run = s.run();
        return new Scenario(s.name() + "-" + condition, s.sourceFile(), s.profile(), s.tiers(), s.links(),
                s.placement(), w, s.exitRule(), s.serviceTime(), run, s.output());
    }

    static Map<String, Summary> byMetric(List<Summary> summaries) {
        Map<String, Summary> m = new HashMap<>();
        summaries.forEach(x -> m.put(x.metric(), x));
        return m;
    }

    static String percent(Summary s) {
        return String.format("%.2f ± %.2f", 100 * s.mean(), 100 * s.halfWidth());
    }
}
