package io.pgrecord.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite and writes bench/results/. {@code -Dbench.quick=true} is the short mode;
 * {@code -Dbench.include=<regex>} picks workloads, e.g. {@code SelectById|Fetch1000}.
 */
public final class BenchMain {

    /** The workloads run in rounds; Concurrency64 runs after them with settings of its own. */
    private static final List<String> ROUND_WORKLOADS = List.of("SelectById", "UpdateById", "InsertOne", "BatchInsert",
            "Fetch1000", "KeysetPage", "Include50", "BulkLoad");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // -Dpaired: the interleaved, paired harness instead of the JMH suite
        if (Boolean.parseBoolean(System.getProperty("bench.paired", "false"))) {
            io.pgrecord.bench.paired.PairedMain.main(args);
            return;
        }
        boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false"));
        String include = System.getProperty("bench.include", ".*");
        Path out = Path.of(System.getProperty("bench.out", "bench/results"));
        Files.createDirectories(out);
        int bulkRows = quick ? 10_000 : 100_000;
        // The quick run times every workload alike; the full run takes each workload's own warmup
        // and measurement (@Warmup, @Measurement on its class), which grow with its operation time.
        Settings s = quick
                ? new Settings(1, 3, TimeValue.milliseconds(400), 3, TimeValue.milliseconds(300), bulkRows)
                : new Settings(1, null, null, null, null, bulkRows);
        // -Dbench.rounds, -Dbench.warmups and -Dbench.iterations change the counts, for experiments
        s = new Settings(Integer.getInteger("bench.rounds", s.rounds()), Integer.getInteger("bench.warmups", s.warmups()),
                s.warmupTime(), Integer.getInteger("bench.iterations", s.iterations()), s.iterationTime(), bulkRows);
        Settings concurrency = quick
                ? new Settings(1, 8, TimeValue.seconds(1), 3, TimeValue.seconds(1), bulkRows)
                : new Settings(1, null, null, null, null, bulkRows);
        // one server for every fork: each trial creates and drops its own database on it
        var pg = BenchDb.startServer();
        String pinning = CpuPinning.apply(pg);
        System.out.println("[bench] CPUs: " + pinning);
        List<RunResult> results = new ArrayList<>();
        try {
            // the quick run leaves out the two reference variants no target is measured against
            String skip = quick ? ".*\\.(pgrecordVirtualThreads|jdbcCopyText|jdbcCopyBinary)$" : null;
            List<Collection<RunResult>> rounds = new ArrayList<>();
            // with -Dbench.include=Concurrency64 alone there is nothing to run in rounds
            boolean onlyConcurrency = "Concurrency64".matches(include) && ROUND_WORKLOADS.stream().noneMatch(w -> w.matches(include));
            int roundsToRun = onlyConcurrency ? 0 : s.rounds();
            for (int round = 1; round <= roundsToRun; round++) {
                System.out.println("[bench] round " + round + " of " + s.rounds());
                rounds.add(run(options(include, s, bulkRows, pg.getPort(), out.resolve(prefix(quick) + "-round" + round + ".json"))
                        .exclude("io\\.pgrecord\\.bench\\.Concurrency64\\."), skip));
            }
            Collection<RunResult> merged = merge(rounds);
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out.resolve(prefix(quick) + ".json").toString()).writeOut(merged);
            for (int round = 1; round <= s.rounds(); round++) {
                Files.deleteIfExists(out.resolve(prefix(quick) + "-round" + round + ".json"));
            }
            results.addAll(merged);
            if ("Concurrency64".matches(include)) {
                results.addAll(run(options("Concurrency64", concurrency, bulkRows, pg.getPort(),
                        out.resolve(prefix(quick) + "-concurrency64.json")), skip));
            }
        } finally {
            pg.close();
        }
        Report.write(out, prefix(quick), results, s, quick, pinning);
        System.out.println("[bench] wrote " + out.resolve(prefix(quick) + ".md") + " and " + out.resolve(prefix(quick) + ".svg"));
    }

    private static ChainedOptionsBuilder options(String include, Settings s, int bulkRows, int port, Path json) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("io\\.pgrecord\\.bench\\.(" + include + ")\\.")
                .forks(1)
                .jvmArgsAppend("-Dbench.bulkRows=" + bulkRows, "-Xmx2g", "-D" + BenchDb.SHARED_PORT + "=" + port,
                        "-D" + CpuPinning.CLIENT_CPUS + "=" + System.getProperty(CpuPinning.CLIENT_CPUS, ""),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        // what is left unset here comes from the workload's annotations
        if (s.warmups() != null) {
            options.warmupIterations(s.warmups());
        }
        if (s.warmupTime() != null) {
            options.warmupTime(s.warmupTime());
        }
        if (s.iterations() != null) {
            options.measurementIterations(s.iterations());
        }
        if (s.iterationTime() != null) {
            options.measurementTime(s.iterationTime());
        }
        // -Dbench.prof=async:libPath=/path/libasyncProfiler.so;output=text adds a profiler of JMH's
        String prof = System.getProperty("bench.prof", "");
        if (!prof.isBlank()) {
            int colon = prof.indexOf(':');
            if (colon < 0) {
                options.addProfiler(prof);
            } else {
                options.addProfiler(prof.substring(0, colon), prof.substring(colon + 1));
            }
        }
        return options;
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options, String skip) throws Exception {
        if (skip != null) {
            options.exclude(skip);
        }
        return new Runner(options.build()).run();
    }

    /**
     * One result per benchmark holding the forks of every round, as JMH holds several forks:
     * its statistics (mean, error, median) are over all measured iterations.
     */
    private static Collection<RunResult> merge(List<Collection<RunResult>> rounds) {
        Map<String, RunResult> first = new LinkedHashMap<>();
        Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();
        for (Collection<RunResult> round : rounds) {
            for (RunResult r : round) {
                String name = r.getParams().getBenchmark();
                first.putIfAbsent(name, r);
                forks.computeIfAbsent(name, k -> new ArrayList<>()).addAll(r.getBenchmarkResults());
            }
        }
        List<RunResult> merged = new ArrayList<>();
        first.forEach((name, r) -> merged.add(new RunResult(r.getParams(), forks.get(name))));
        return merged;
    }

    /** The quick and the full run keep separate files, so one does not overwrite the other. */
    private static String prefix(boolean quick) {
        return quick ? "results-quick" : "results-full";
    }

    /** How a run times its forks; a null leaves that setting to each workload's annotations. */
    record Settings(int rounds, Integer warmups, TimeValue warmupTime, Integer iterations, TimeValue iterationTime,
            int bulkRows) {
    }
}
