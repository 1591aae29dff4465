package org.eesim.testbed.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a process needs to rebuild the trained network: its family, width, input, branch places, weights, temperatures. */
public record NetworkSpec(String net, double width, long[] input, List<Integer> branchAfter, Path weights,
                          double[] temperatures) {

    public NetworkSpec {
        input = input.clone();
        branchAfter = List.copyOf(branchAfter);
        temperatures = temperatures.clone();
    }

    public Network load() throws IOException {
        return Network.load(net, width, input, branchAfter, weights, temperatures);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("net", net);
        m.put("width", width);
        List<Long> in = new ArrayList<>();
        for (long d : input) {
            in.add(d);
        }
        m.put("input", in);
        m.put("branch_after", branchAfter);
        m.put("weights", weights.toString());
        List<Double> t = new ArrayList<>();
        for (double d : temperatures) {
            t.add(d);
        }
        m.put("temperatures", t);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static NetworkSpec fromMap(Map<String, Object> m) {
        List<Object> in = Control.list(m, "input");
        long[] input = in.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
        List<Integer> after = ((List<Object>) m.get("branch_after")).stream().map(o -> ((Number) o).intValue()).toList();
        return new NetworkSpec(Control.str(m, "net"), Control.num(m, "width"), input, after,
                Path.of(Control.str(m, "weights")), Control.doubles(m, "temperatures"));
    }
}
