package io.quipu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the machine's CPU went during a measurement window, from /proc (Linux): the whole machine, this JVM (split into
 * the load generator's threads and the rest: its GC, JIT and samplers), the Kafka broker's JVM, the ledger JVM, and the
 * PostgreSQL server (postmaster, its live children, and the children it has reaped). "Other" is everything else.
 */
final class CpuSampler {

    /** USER_HZ: /proc reports CPU time in ticks of 1/100 s on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long ledgerPid;
    private final long kafkaPid;
    private final long postmasterPid;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** A pid of 0: that process is not running in this benchmark. */
    CpuSampler(long ledgerPid, long kafkaPid, long postmasterPid) {
        this.ledgerPid = ledgerPid;
        this.kafkaPid = kafkaPid;
        this.postmasterPid = postmasterPid;
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    record Snapshot(long nanoTime, long machineBusyTicks, long machineIowaitTicks, long machineStealTicks, long selfTicks,
                    long ledgerTicks, long kafkaTicks, long postgresTicks, long loadGeneratorNanos, long ledgerJitTicks) {
    }

    /** CPU use in cores (1.0 = one core fully busy) over a window. */
    /** {@code ledgerJit}: the part of {@code ledger} that its JIT compiler threads used. */
    record Usage(double seconds, double machine, double iowait, double steal, double loadGenerator, double benchOther,
                 double kafka, double ledger, double ledgerJit, double postgres, double other) {

        String describe() {
            return String.format(java.util.Locale.ROOT,
                    "load generator %.2f, bench JVM other (GC, JIT) %.2f, Kafka broker %.2f, ledger %.2f (JIT %.2f), "
                            + "PostgreSQL %.2f, other processes %.2f = machine %.2f; steal %.2f, iowait %.2f",
                    loadGenerator, benchOther, kafka, ledger, ledgerJit, postgres, other, machine, steal, iowait);
        }
    }

    Snapshot snapshot() {
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), machine[0], machine[1], machine[2], processTicks(ProcessHandle.current().pid(), false),
                ledgerPid > 0 ? processTicks(ledgerPid, false) : 0, kafkaPid > 0 ? processTicks(kafkaPid, false) : 0,
                postgresTicks(), loadGeneratorNanos(),
                ledgerPid > 0 ? compilerThreadTicks(ledgerPid) : 0);
    }

    Usage between(Snapshot start, Snapshot end) {
        double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        double machine = (end.machineBusyTicks() - start.machineBusyTicks()) / TICKS_PER_SECOND / seconds;
        double iowait = (end.machineIowaitTicks() - start.machineIowaitTicks()) / TICKS_PER_SECOND / seconds;
        double steal = (end.machineStealTicks() - start.machineStealTicks()) / TICKS_PER_SECOND / seconds;
        double self = (end.selfTicks() - start.selfTicks()) / TICKS_PER_SECOND / seconds;
        double loadGenerator = Math.min(self, (end.loadGeneratorNanos() - start.loadGeneratorNanos()) / 1e9 / seconds);
        double ledger = (end.ledgerTicks() - start.ledgerTicks()) / TICKS_PER_SECOND / seconds;
        double kafka = (end.kafkaTicks() - start.kafkaTicks()) / TICKS_PER_SECOND / seconds;
        double postgres = (end.postgresTicks() - start.postgresTicks()) / TICKS_PER_SECOND / seconds;
        double other = Math.max(0, machine - self - kafka - ledger - postgres);
        // A compiler thread that ended in the window takes its ticks with it (HotSpot starts and stops some on demand),
        // so this can only under-count.
        double ledgerJit = Math.max(0, end.ledgerJitTicks() - start.ledgerJitTicks()) / TICKS_PER_SECOND / seconds;
        return new Usage(seconds, machine, iowait, steal, loadGenerator, self - loadGenerator, kafka, ledger, ledgerJit,
                postgres, other);
    }

    /** Threads of this JVM that generate load: the benchmark's own ("bench-…"), which also do the HTTP client's I/O. */
    static boolean isLoadGenerator(String threadName) {
        return threadName.startsWith("bench-");
    }

    private final Map<Long, Long> lastThreadNanos = new HashMap<>();
    private long deadThreadsNanos;

    /**
     * Cumulative CPU of load-generating threads. A thread that ended since the last snapshot keeps the CPU it had then
     * (what it used after that is lost; the workers live for the whole window, so that is little).
     */
    private synchronized long loadGeneratorNanos() {
        long total = 0;
        Map<Long, Long> now = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !isLoadGenerator(info.getThreadName())) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                now.put(info.getThreadId(), nanos);
                total += nanos;
            }
        }
        lastThreadNanos.forEach((id, nanos) -> {
            if (!now.containsKey(id)) {
                deadThreadsNanos += nanos;
            }
        });
        lastThreadNanos.clear();
        lastThreadNanos.putAll(now);
        return total + deadThreadsNanos;
    }

    /**
     * [busy, iowait, steal] ticks of all CPUs from the first line of /proc/stat. Steal is time the hypervisor gave this
     * virtual machine's CPUs to someone else: not busy here, but not available either.
     */
    static long[] machineTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = line.trim().split("\\s+");
            long user = Long.parseLong(fields[1]);
            long nice = Long.parseLong(fields[2]);
            long system = Long.parseLong(fields[3]);
            long iowait = Long.parseLong(fields[5]);
            long irq = Long.parseLong(fields[6]);
            long softirq = Long.parseLong(fields[7]);
            long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
            return new long[] {user + nice + system + irq + softirq, iowait, steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0};
        }
    }

    /** utime + stime (+ cutime + cstime: children it has waited for) of one process, in ticks; 0 if it is gone. */
    static long processTicks(long pid, boolean withReapedChildren) {
        long[] stat = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        if (stat == null) {
            return 0;
        }
        return stat[1] + stat[2] + (withReapedChildren ? stat[3] + stat[4] : 0);
    }

    /** utime + stime of a JVM's JIT compiler threads (named "C1 CompilerThre…", "C2 CompilerThre…" by HotSpot). */
    static long compilerThreadTicks(long pid) {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    long[] stat = stat(task.resolve("stat"));
                    if (stat != null) {
                        total += stat[1] + stat[2];
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone: nothing more to count
        }
        return total;
    }

    /** The postmaster with the children it reaped, plus its live children (backends, WAL writer, checkpointer, …). */
    private long postgresTicks() {
        if (postmasterPid <= 0) {
            return 0;
        }
        long total = processTicks(postmasterPid, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long[] stat = stat(process.resolve("stat"));
                if (stat != null && stat[0] == postmasterPid) {
                    total += stat[1] + stat[2];
                }
            }
        } catch (IOException e) {
            // keep what we have
        }
        return total;
    }

    /** [ppid, utime, stime, cutime, cstime] from /proc/<pid>/stat, or null. */
    static long[] stat(Path file) {
        try {
            String content = Files.readString(file);
            // The command name is in parentheses and may itself contain spaces or parentheses.
            String[] fields = content.substring(content.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
