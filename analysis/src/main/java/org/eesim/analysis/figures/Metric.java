package org.eesim.analysis.figures;

/**
 * How a sim-core metric reads in a paper: its words, the unit shown and the factor from the
 * file's unit (seconds, fractions, bytes) to the shown one. Labels are plain ASCII because the
 * PDF exporter writes the 14 standard Type 1 fonts, which have no Greek or math glyphs.
 */
public record Metric(String name, String label, String unit, double scale) {

    /** The paper form of a metric name from summary.csv; unknown names pass through as they are. */
    public static Metric of(String name) {
        if (name.startsWith("latency.")) {
            String stat = name.substring("latency.".length());
            String words = switch (stat) {
                case "mean" -> "Mean latency";
                case "max" -> "Maximum latency";
                default -> stat.startsWith("p") ? stat + " latency" : "Latency " + stat;
            };
            return new Metric(name, words, "ms", 1e3);
        }
        if (name.startsWith("exit.")) {
            return new Metric(name, "Exit at " + name.substring(5), "%", 100);
        }
        if (name.startsWith("energy.")) {
            String what = name.substring("energy.".length());
            String tier = what.replace("_idle", "").replace("_radio", "");
            String words = (tier.equals("device") ? "Device" : tier.equals("edge") ? "Edge" : "Cloud")
                    + (what.endsWith("_radio") ? " radio" : "") + (what.endsWith("_idle") ? " idle" : "")
                    + " energy per request";
            return new Metric(name, words, "J", 1);
        }
        if (name.startsWith("util.")) {
            return new Metric(name, "Utilisation, " + tier(name.substring(5)), "%", 100);
        }
        if (name.startsWith("queue.")) {
            return new Metric(name, "Queue length, " + tier(name.substring(6)), "requests", 1);
        }
        return switch (name) {
            case "requests" -> new Metric(name, "Requests measured", "", 1);
            case "offload.device_to_next" -> new Metric(name, "Offloaded from device", "%", 100);
            case "offload.edge_to_cloud" -> new Metric(name, "Offloaded edge to cloud", "%", 100);
            case "accuracy" -> new Metric(name, "Accuracy", "%", 100);
            case "deadline_miss" -> new Metric(name, "Deadline missed", "%", 100);
            case "bytes.uplink" -> new Metric(name, "Uplink data per request", "KiB", 1.0 / 1024);
            case "bytes.wan" -> new Metric(name, "WAN data per request", "KiB", 1.0 / 1024);
            case "window.seconds" -> new Metric(name, "Measured window", "s", 1);
            case "training.seconds_per_iteration" -> new Metric(name, "Time per iteration", "s", 1);
            case "training.seconds" -> new Metric(name, "Training time", "s", 1);
            case "training.epoch_seconds" -> new Metric(name, "Time per epoch", "s", 1);
            case "training.throughput" -> new Metric(name, "Throughput", "samples/s", 1);
            case "training.split.last" -> new Metric(name, "Split (last edge layer)", "", 1);
            case "training.split.mean" -> new Metric(name, "Mean split (last edge layer)", "", 1);
            case "training.staleness.mean" -> new Metric(name, "Mean staleness", "iterations", 1);
            case "training.int8" -> new Metric(name, "Iterations with int8 features", "%", 100);
            case "memory.edge_peak" -> new Metric(name, "Edge memory, peak", "MiB", 1.0 / (1 << 20));
            case "bytes.downlink" -> new Metric(name, "Downlink data per iteration", "MiB", 1.0 / (1 << 20));
            default -> new Metric(name, name, "", 1);
        };
    }

    /** A tier's name as prose writes it: {@code wan} is an acronym. */
    public static String tier(String name) {
        return name.equals("wan") ? "WAN" : name;
    }

    /** {@code label (unit)}, the form for axis titles and table rows. */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
