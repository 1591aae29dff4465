package org.eesim.testbed.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much CPU the rest of the machine took while a run measured: the machine's busy time
 * ({@code /proc/stat}: user, nice, system, irq, softirq, steal) less that of the deployment's own
 * processes ({@code /proc/PID/stat} utime + stime), in cores. The machine is shared; a run
 * during which other work took more than the testbed file's {@code foreign_cpu_limit} is not a
 * measurement of this deployment, and is measured again later. Kernel work done in interrupt
 * context for the links (softirq) is counted as foreign, so a quiet machine reads a little above 0.
 */
final class CpuWatch {

    /** The kernel's clock ticks per second for these counters (USER_HZ: 100 on Linux). */
    static final double HZ = 100;

    private final List<Long> pids;
    private final long busy0;
    private final long ours0;
    private final long t0 = System.nanoTime();

    CpuWatch(List<Long> pids) {
        this.pids = List.copyOf(pids);
        this.busy0 = machineBusy();
        this.ours0 = ours();
    }

    /** Cores the rest of the machine used since this watch started. */
    double foreignCores() {
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (machineBusy() - busy0 - (ours() - ours0)) / HZ / seconds;
    }

    private long ours() {
        long s = 0;
        for (long pid : pids) {
            s += processTicks(pid);
        }
        return s;
    }

    static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a process (all its threads), 0 if it is gone. */
    static long processTicks(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
