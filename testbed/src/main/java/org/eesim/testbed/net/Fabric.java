package org.eesim.testbed.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network of one deployment: a namespace per tier ({@code eesim-tb-<pid>-device}, ...,
 * named after the orchestrating process), a veth pair per link between consecutive tiers, each
 * direction of a link shaped by its own {@code tbf} on the sending side's interface (so a link is
 * full duplex, as the simulator's return path assumes). Removing the namespaces removes their
 * interfaces and qdiscs with them; {@link #cleanup} does that for every deployment whose owner is
 * gone, so a run killed by any signal leaves nothing once the next command (or the launcher's
 * trap) has run.
 */
public final class Fabric {

    public static final String PREFIX = "eesim-tb-";
    private static final Pattern OWNED = Pattern.compile("^" + Pattern.quote(PREFIX) + "(\\d+)-(\\S+)");
    /** tbf's queue: large enough that no load of a validation run drops a packet. */
    public static final int LIMIT_BYTES = 4_000_000;

    /** One link: its two ends, each a namespace, interface and address. */
    public record Hop(String name, String fromNs, String fromIf, String fromIp, String toNs, String toIf, String toIp) {
    }

    private final long owner;
    private final List<String> namespaces;
    private final List<Hop> hops;

    private Fabric(long owner, List<String> namespaces, List<Hop> hops) {
        this.owner = owner;
        this.namespaces = List.copyOf(namespaces);
        this.hops = List.copyOf(hops);
    }

    public static String namespace(long owner, String tier) {
        return PREFIX + owner + "-" + tier;
    }

    /**
     * Makes a namespace per tier in {@code tiers} (path order: device first) and a link between
     * each consecutive pair ({@code linkNames}, one fewer than tiers), unshaped. On a failure
     * everything made so far is removed before the error is thrown.
     */
    public static Fabric create(List<String> tiers, List<String> linkNames) {
        long owner = ProcessHandle.current().pid();
        List<String> made = new ArrayList<>();
        List<Hop> hops = new ArrayList<>();
        try {
            for (String t : tiers) {
                String ns = namespace(owner, t);
                Sh.run("ip", "netns", "add", ns);
                made.add(ns);
                Sh.run("ip", "-n", ns, "link", "set", "lo", "up");
            }
            for (int i = 0; i + 1 < tiers.size(); i++) {
                String a = made.get(i);
                String b = made.get(i + 1);
                String name = linkNames.get(i);
                String ifA = name + "-a";
                String ifB = name + "-b";
                String ipA = "10.77." + (i + 1) + ".1";
                String ipB = "10.77." + (i + 1) + ".2";
                Sh.run("ip", "link", "add", ifA, "netns", a, "type", "veth", "peer", "name", ifB, "netns", b);
                Sh.run("ip", "-n", a, "addr", "add", ipA + "/24", "dev", ifA);
                Sh.run("ip", "-n", b, "addr", "add", ipB + "/24", "dev", ifB);
                Sh.run("ip", "-n", a, "link", "set", ifA, "mtu", "1500", "up");
                Sh.run("ip", "-n", b, "link", "set", ifB, "mtu", "1500", "up");
                hops.add(new Hop(name, a, ifA, ipA, b, ifB, ipB));
            }
            return new Fabric(owner, made, hops);
        } catch (RuntimeException e) {
            for (String ns : made) {
                Sh.exec(List.of("ip", "netns", "del", ns));
            }
            throw e;
        }
    }

    public List<Hop> hops() {
        return hops;
    }

    public Hop hop(String name) {
        for (Hop h : hops) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("no link " + name + " in this deployment");
    }

    public String namespaceOf(String tier) {
        return namespace(owner, tier);
    }

    /**
     * Shapes both directions of link {@code name} to {@code bps} with a token bucket of
     * {@code burstBytes} (at least one full frame, 1514 B, or tbf drops full-size packets).
     */
    public void shape(String name, double bps, int burstBytes) {
        Hop h = hop(name);
        tbf(h.fromNs(), h.fromIf(), bps, burstBytes);
        tbf(h.toNs(), h.toIf(), bps, burstBytes);
    }

    private static void tbf(String ns, String dev, double bps, int burst) {
        Sh.in(ns, "tc", "qdisc", "replace", "dev", dev, "root", "tbf", "rate",
                String.format(Locale.ROOT, "%.0fbit", bps), "burst", Integer.toString(burst), "limit",
                Integer.toString(LIMIT_BYTES));
    }

    /** Bytes sent so far out of link {@code name}'s interface on its sending side (forward) or the other. */
    public long txBytes(String name, boolean forward) {
        Hop h = hop(name);
        String ns = forward ? h.fromNs() : h.toNs();
        String dev = forward ? h.fromIf() : h.toIf();
        return Long.parseLong(Sh.in(ns, "cat", "/sys/class/net/" + dev + "/statistics/tx_bytes").strip());
    }

    /** What {@code tc -s qdisc} says about each shaped interface (for the run's log). */
    public String qdiscStats() {
        StringBuilder b = new StringBuilder();
        for (Hop h : hops) {
            b.append(h.name()).append(" forward: ").append(Sh.in(h.fromNs(), "tc", "-s", "qdisc", "show", "dev", h.fromIf()));
            b.append(h.name()).append(" back: ").append(Sh.in(h.toNs(), "tc", "-s", "qdisc", "show", "dev", h.toIf()));
        }
        return b.toString();
    }

    /**
     * Packets the shapers of every link, both directions, have dropped since they were set up
     * (tc's {@code dropped} counters): a full tbf queue drops, and TCP then waits a retransmission
     * timeout (200 ms at least), which the simulator does not model; a run reports its own drops.
     */
    public long drops() {
        long n = 0;
        for (Hop h : hops) {
            n += dropped(Sh.in(h.fromNs(), "tc", "-s", "qdisc", "show", "dev", h.fromIf()));
            n += dropped(Sh.in(h.toNs(), "tc", "-s", "qdisc", "show", "dev", h.toIf()));
        }
        return n;
    }

    private static final Pattern DROPPED = Pattern.compile("\\(dropped (\\d+),");

    /** The sum of the {@code (dropped N,} counters in {@code tc -s qdisc show} output. */
    static long dropped(String tcStats) {
        long n = 0;
        java.util.regex.Matcher m = DROPPED.matcher(tcStats);
        while (m.find()) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }

    /** Removes this deployment's namespaces, killing anything still running in them. */
    public void destroy() {
        for (String ns : namespaces) {
            remove(ns);
        }
    }

    /**
     * Removes every testbed namespace whose owner process is no longer alive, or all of them
     * with {@code all}, with whatever runs inside (SIGTERM, then SIGKILL after 3 s), and the
     * cgroups left behind. Safe to run at any time, any number of times. Returns what it removed.
     */
    public static List<String> cleanup(boolean all) {
        List<String> removed = new ArrayList<>();
        Sh.Result list = Sh.exec(List.of("ip", "netns", "list"));
        if (list.ok()) {
            for (String line : list.out().split("\n")) {
                Matcher m = OWNED.matcher(line.strip());
                if (m.find()) {
                    long pid = Long.parseLong(m.group(1));
                    String ns = PREFIX + m.group(1) + "-" + m.group(2);
                    if (all || !alive(pid)) {
                        remove(ns);
                        removed.add("namespace " + ns);
                    }
                }
            }
        }
        removed.addAll(Cgroup.cleanup(all));
        return removed;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void remove(String ns) {
        killInside(ns);
        Sh.exec(List.of("ip", "netns", "del", ns));
    }

    /** SIGTERM to every process in {@code ns}, SIGKILL to those alive 3 s later. */
    static void killInside(String ns) {
        List<ProcessHandle> inside = new ArrayList<>();
        Sh.Result pids = Sh.exec(List.of("ip", "netns", "pids", ns));
        if (!pids.ok()) {
            return;
        }
        for (String p : pids.out().split("\\s+")) {
            if (!p.isBlank()) {
                ProcessHandle.of(Long.parseLong(p.strip())).ifPresent(inside::add);
            }
        }
        long me = ProcessHandle.current().pid();
        inside.removeIf(h -> h.pid() == me);
        inside.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + 3_000_000_000L;
        for (ProcessHandle h : inside) {
            while (h.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }
}
