package org.eesim.policy;

import java.util.List;
import java.util.Map;

import org.eesim.scenario.ExitRule;
import org.eesim.scenario.PolicyConfig;

/**
 * Moves the exit threshold toward a latency target while the run goes
 * ({@link PolicyConfig.Adaptation}): after each batch of completed requests, one step toward
 * earlier exits when the batch's mean latency was above the target, one step toward later exits
 * otherwise. Starts at the step nearest the scenario's threshold.
 */
public final class ThresholdController {

    private final List<Double> steps;
    private final double target;
    private final int batch;
    private final boolean higherExitsEarlier;
    private int index;
    private int count;
    private double sum;

    public ThresholdController(PolicyConfig.Adaptation a, ExitRule base) {
        this.steps = a.thresholds();
        this.target = a.targetSeconds();
        this.batch = a.batch();
        // max-softmax exits when confidence >= threshold: a lower threshold exits earlier;
        // entropy exits when entropy <= threshold: a higher one does
        this.higherExitsEarlier = base.kind() == ExitRule.Kind.ENTROPY;
        int nearest = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (Math.abs(steps.get(i) - base.threshold()) < Math.abs(steps.get(nearest) - base.threshold())) {
                nearest = i;
            }
        }
        this.index = nearest;
    }

    /** Records one completed request's latency; true when the threshold has just changed. */
    public boolean observe(double latencySeconds) {
        sum += latencySeconds;
        if (++count < batch) {
            return false;
        }
        boolean tooSlow = sum / count > target;
        count = 0;
        sum = 0;
        int step = tooSlow == higherExitsEarlier ? 1 : -1;
        int next = Math.max(0, Math.min(steps.size() - 1, index + step));
        boolean changed = next != index;
        index = next;
        return changed;
    }

    public double threshold() {
        return steps.get(index);
    }

    /** {@code rule} with the controller's threshold on every branch (per-branch thresholds dropped). */
    public ExitRule apply(ExitRule rule) {
        return new ExitRule(rule.kind(), threshold(), Map.of(), rule.disabled());
    }
}
