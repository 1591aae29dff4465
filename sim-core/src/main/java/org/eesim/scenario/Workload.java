package org.eesim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param arrival         the arrival process per device
 * @param mix             input condition name (as in the profile) to probability; sums to 1
 * @param deadlineSeconds the latency deadline for the miss ratio, or {@code null} for none
 */
public record Workload(Arrival arrival, Map<String, Double> mix, Double deadlineSeconds) {
    public Workload {
        if (arrival == null) {
            throw new IllegalArgumentException("arrival is required");
        }
        if (mix == null || mix.isEmpty()) {
            throw new IllegalArgumentException("the condition mix must name at least one condition");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("mix weight of " + e.getKey() + " must be >= 0");
            }
            sum += e.getValue();
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("mix probabilities must sum to 1, got " + sum);
        }
        mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
        if (deadlineSeconds != null && !(deadlineSeconds > 0)) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadlineSeconds);
        }
    }
}
