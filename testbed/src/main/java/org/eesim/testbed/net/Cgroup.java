package org.eesim.testbed.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A CPU quota for one tier's process, so that a tier {@code speed} below 1 is a slower machine
 * rather than an assumption: cgroup v2's {@code cpu.max} where the unified hierarchy has the cpu
 * controller, else v1's {@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us} (detected, in that
 * order). The period is short (quota 1 ms, the kernel's minimum, every 1 ms / share) so that a
 * throttled inference is slowed evenly rather than run at full speed and then stopped for most of
 * a long period (the default 100 ms).
 */
public final class Cgroup {

    static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final int QUOTA_US = 1000;
    private static final Pattern OWNED = Pattern.compile("^" + Pattern.quote(Fabric.PREFIX) + "(\\d+)-");

    private final Path dir;

    private Cgroup(Path dir) {
        this.dir = dir;
    }

    /** Where groups are made here: the v2 root with the cpu controller, else the v1 cpu hierarchy, else null. */
    static Path hierarchy() {
        try {
            Path controllers = ROOT.resolve("cgroup.controllers");
            if (Files.exists(controllers) && Files.readString(controllers).contains("cpu")) {
                return ROOT;
            }
        } catch (IOException e) {
            // fall through to v1
        }
        Path v1 = ROOT.resolve("cpu");
        return Files.exists(v1.resolve("cpu.cfs_quota_us")) ? v1 : null;
    }

    /** Whether this machine can throttle a process (cgroup v2 cpu.max or v1 cfs quota). */
    public static boolean available() {
        return hierarchy() != null;
    }

    /** A group named after this process and {@code tier}, limited to {@code share} of one CPU (0 < share <= 1). */
    public static Cgroup limit(String tier, double share) {
        Path h = hierarchy();
        if (h == null) {
            throw new IllegalStateException("no cgroup CPU controller here (neither " + ROOT + "/cpu.max nor "
                    + ROOT + "/cpu/cpu.cfs_quota_us): a tier speed below 1 cannot be emulated");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("CPU share must be in (0, 1], got " + share);
        }
        Path dir = h.resolve(Fabric.PREFIX + ProcessHandle.current().pid() + "-" + tier);
        int period = (int) Math.round(QUOTA_US / share);
        try {
            Files.createDirectories(dir);
            if (h.equals(ROOT)) {
                Files.writeString(dir.resolve("cpu.max"), QUOTA_US + " " + period);
            } else {
                Files.writeString(dir.resolve("cpu.cfs_period_us"), Integer.toString(period));
                Files.writeString(dir.resolve("cpu.cfs_quota_us"), Integer.toString(QUOTA_US));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot set a CPU quota in " + dir + ": " + e.getMessage(), e);
        }
        return new Cgroup(dir);
    }

    /** Moves process {@code pid} into this group. */
    public void add(long pid) {
        try {
            Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
        } catch (IOException e) {
            throw new IllegalStateException("cannot move process " + pid + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Kills what is left in the group and removes it (idempotent). */
    public void remove() {
        if (Files.isDirectory(dir)) {
            killAll(dir);
            try {
                Files.delete(dir);
            } catch (IOException e) {
                System.err.println("cannot remove cgroup " + dir + ": " + e.getMessage());
            }
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s (%s)", dir, dir.getParent().equals(ROOT) ? "cgroup v2 cpu.max"
                : "cgroup v1 cpu.cfs_quota_us");
    }

    /** Removes the testbed's groups whose owner is gone (or all): they must be empty by then. */
    static List<String> cleanup(boolean all) {
        List<String> removed = new ArrayList<>();
        Path h = hierarchy();
        if (h == null) {
            return removed;
        }
        try (Stream<Path> groups = Files.list(h)) {
            for (Path g : groups.toList()) {
                Matcher m = OWNED.matcher(g.getFileName().toString());
                if (m.find() && Files.isDirectory(g) && (all || !Fabric.alive(Long.parseLong(m.group(1))))) {
                    killAll(g);
                    try {
                        Files.delete(g); // rmdir: a cgroup's files go with it
                        removed.add("cgroup " + g);
                    } catch (IOException e) {
                        removed.add("cgroup " + g + " (not removed: " + e.getMessage() + ")");
                    }
                }
            }
        } catch (IOException e) {
            removed.add("cgroups under " + h + " not listed: " + e.getMessage());
        }
        return removed;
    }

    private static void killAll(Path group) {
        try {
            for (String p : Files.readAllLines(group.resolve("cgroup.procs"))) {
                if (!p.isBlank()) {
                    ProcessHandle.of(Long.parseLong(p.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            Thread.sleep(100);
        } catch (IOException e) {
            // an unreadable group is reported by the rmdir that follows
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
