package org.eesim.sim;

import java.util.Map;

import org.eesim.policy.Decision;

/**
 * What the policy did in a replication: how often it changed its decision (and the controller
 * its threshold), the mean cuts and threshold the measured requests ran with, and the expected time of the last decision (NaN for policies that
 * compute none), so a run shows the partition chosen beside the latency it got.
 */
final class PolicyTrace {

    private Decision last;
    private long changes;
    private double cut1Sum;
    private double cut2Sum;
    private long requests;
    private double thresholdSum;
    private long thresholdChanges;

    void thresholdChanged() {
        thresholdChanges++;
    }

    void decided(Decision d) {
        if (last != null && !(d.placement().equals(last.placement()) && d.exitRule().equals(last.exitRule()))) {
            changes++;
        }
        last = d;
    }

    void record(Request r) {
        cut1Sum += r.cut1;
        cut2Sum += r.cut2;
        thresholdSum += r.threshold;
        requests++;
    }

    void putInto(Map<String, Double> m) {
        m.put("policy.cut1", requests == 0 ? Double.NaN : cut1Sum / requests);
        m.put("policy.cut2", requests == 0 ? Double.NaN : cut2Sum / requests);
        m.put("policy.changes", (double) changes);
        m.put("policy.threshold", requests == 0 ? Double.NaN : thresholdSum / requests);
        m.put("policy.threshold_changes", (double) thresholdChanges);
        m.put("policy.expected_latency", last == null ? Double.NaN : last.expectedSeconds());
    }
}
