package org.eesim.testbed.net;

import java.util.List;

/**
 * What this kernel and its tools offer a deployment, found by trying: network namespaces with
 * veth pairs, the {@code tbf} qdisc, and {@code netem} (absent from some kernels: "Specified qdisc
 * kind is unknown"), and root's right to use them. Everything tried is removed again.
 */
public record Kernel(boolean namespaces, boolean tbf, boolean netem, String missing) {

    /** Whether a deployment can run here (namespaces and tbf; netem is optional). */
    public boolean usable() {
        return namespaces && tbf;
    }

    public static Kernel probe() {
        String ns = Fabric.PREFIX + ProcessHandle.current().pid() + "-probe";
        Sh.Result add = Sh.exec(List.of("ip", "netns", "add", ns));
        if (!add.ok()) {
            return new Kernel(false, false, false, "network namespaces: 'ip netns add' failed ("
                    + add.err().strip() + "); the testbed needs root and a kernel with network namespaces");
        }
        try {
            Sh.Result veth = Sh.exec(List.of("ip", "-n", ns, "link", "add", "pa", "type", "veth", "peer", "name", "pb"));
            if (!veth.ok()) {
                return new Kernel(false, false, false, "veth pairs: " + veth.err().strip());
            }
            Sh.exec(List.of("ip", "-n", ns, "link", "set", "pa", "up"));
            Sh.Result tbf = Sh.exec(List.of("ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", "pa", "root",
                    "tbf", "rate", "1mbit", "burst", "1600", "limit", "10000"));
            Sh.exec(List.of("ip", "netns", "exec", ns, "tc", "qdisc", "del", "dev", "pa", "root"));
            Sh.Result netem = Sh.exec(List.of("ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", "pa", "root",
                    "netem", "delay", "1ms"));
            return new Kernel(true, tbf.ok(), netem.ok(), tbf.ok() ? "" : "tc tbf: " + tbf.err().strip());
        } finally {
            Sh.exec(List.of("ip", "netns", "del", ns));
        }
    }
}
