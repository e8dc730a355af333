package io.pgrecord.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the PostgreSQL server on the last CPU and each fork's benchmark thread on the others.
 * Unpinned on a small machine, a round trip takes 20 µs or 65 µs depending on whether the
 * scheduler happens to put client and server on one core, and it moves them mid-run: the
 * variants of one workload would be timed under different conditions. Pinned, repeated runs
 * agree within a few percent. Only the benchmark thread is pinned: the JIT compiler, the GC, the
 * pools' threads, the event loops and virtual-thread carriers may use every CPU (pinning the
 * whole JVM to one CPU starves the reactive variant of its event loop).
 */
public final class CpuPinning {

    private CpuPinning() {
    }

    /** The system property that tells forks which CPUs their benchmark thread may use. */
    public static final String CLIENT_CPUS = "bench.clientCpus";

    /** Pins the server, and says how, or why not, for the results file; {@link #clientCpus} is set when pinned. */
    public static String apply(EmbeddedPostgres pg) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2 || !Files.isExecutable(Path.of("/usr/bin/taskset")) && !Files.isExecutable(Path.of("/bin/taskset"))) {
            return "not pinned (needs 2+ CPUs and taskset)";
        }
        int serverCpu = cpus - 1;
        String clientCpus = cpus == 2 ? "0" : "0-" + (cpus - 2);
        try {
            List<Long> server = serverProcesses(pg);
            for (long pid : server) {
                taskset(String.valueOf(serverCpu), pid);
            }
            System.setProperty(CLIENT_CPUS, clientCpus);
            return "server on CPU " + serverCpu + ", each benchmark thread on CPU " + clientCpus
                    + "; JIT, GC, pool, event-loop and carrier threads unpinned (taskset)";
        } catch (Exception e) {
            return "not pinned (" + e.getMessage() + ")";
        }
    }

    /** The postmaster and every process it has started so far; later backends inherit its affinity. */
    private static List<Long> serverProcesses(EmbeddedPostgres pg) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             // not this connection's own backend, which has exited by the time /proc is read
             ResultSet rs = s.executeQuery("select pid from pg_stat_activity where pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        // field 4 of /proc/<pid>/stat is the parent: the postmaster
        String stat = Files.readString(Path.of("/proc/" + pids.get(0) + "/stat"));
        long postmaster = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        pids.add(0, postmaster);
        return pids;
    }

    /** In a fork: pins the calling thread to the client CPUs, when BenchMain pinned the server. */
    public static void pinCurrentThread() {
        String cpus = System.getProperty(CLIENT_CPUS, "");
        if (cpus.isEmpty()) {
            return;
        }
        try {
            // the kernel's id of this thread, which taskset takes as a pid
            long tid = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
            Process p = new ProcessBuilder("taskset", "-p", "-c", cpus, String.valueOf(tid)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (Exception e) {
            throw new IllegalStateException("could not pin the benchmark thread", e);
        }
    }

    private static void taskset(String cpus, long pid) throws Exception {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset " + pid + ": " + out.trim());
        }
    }
}
