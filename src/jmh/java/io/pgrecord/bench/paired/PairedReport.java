package io.pgrecord.bench.paired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes bench/results/paired.md: the header (machine, JDK, PostgreSQL, settings), one row per
 * targeted comparison, the reference ratios, and each variant's median figures per operation.
 */
final class PairedReport {

    private PairedReport() {
    }

    static void write(Path file, PairedSettings s, String machine, String pinning, String server, List<PairedRun.Result> results)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Paired benchmark\n\n");
        if (s.smoke()) {
            md.append("**A smoke run (fewer than ").append(PairedSettings.MIN_PAIRS)
                    .append(" pairs): it shows that the harness works; its figures are not results.**\n\n");
        }
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        md.append("- PostgreSQL: ").append(server).append(" (embedded, on the same machine)\n");
        md.append("- CPUs: ").append(pinning).append('\n');
        md.append("- Blocks of ").append(s.blockNanos() / 1_000_000).append(" ms (64 clients: at least 300 ms; bulk loads: "
                + "one operation); warmup (alternating blocks of every variant, at least one round) and measured pairs:\n");
        for (PairedRun.Result r : results) {
            md.append(String.format(Locale.ROOT, "  - %s: %.0f s, %d pairs%n", r.workload().name(), r.workload().warmupSeconds(),
                    r.workload().pairs()));
        }
        md.append("""
                - Each round runs one block of every variant, in reverse order every other round; a ratio is taken
                  within each round, and the table gives the median of those ratios and their interquartile range.
                - Wall is time per operation; client CPU is the CPU time of every Java thread (benchmark, pool,
                  event-loop, carrier threads; not the JIT or GC) per operation; allocation is bytes per operation,
                  exact, of the benchmark thread when both variants are blocking and of every thread otherwise;
                  throughput is operations per second.

                ## Targets

                | workload | comparison | median | q1–q3 | target | met |
                |---|---|---:|---:|---:|---|
                """);
        for (PairedRun.Result r : results) {
            for (Comparison c : r.workload().comparisons()) {
                if (c.target() != null) {
                    double[] ratios = r.ratios(c);
                    double median = Stats.median(ratios);
                    md.append(row(r.workload().name(), c.label(), ratios)).append(" ").append(c.target())
                            .append(" | ").append(c.target().met(median) ? "yes" : "no").append(" |\n");
                }
            }
        }
        md.append("""

                ## Reference ratios (no target)

                What the drivers cost against each other, and item 6's comparison point: a reactive engine on JDBC
                over virtual threads would be worth offering at a wall ratio ≤ 0.67 against raw r2dbc
                (1.5× faster), and a throughput ratio ≥ 1.5 at 64 clients.

                | workload | comparison | median | q1–q3 |
                |---|---|---:|---:|
                """);
        for (PairedRun.Result r : results) {
            for (Comparison c : r.workload().comparisons()) {
                if (c.target() == null) {
                    md.append(row(r.workload().name(), c.label(), r.ratios(c))).append('\n');
                }
            }
        }
        md.append("""

                ## Per operation (medians over the rounds)

                | workload | variant | wall µs | client CPU µs | allocation KB |
                |---|---|---:|---:|---:|
                """);
        for (PairedRun.Result r : results) {
            List<Variant> variants = r.workload().variants();
            for (int i = 0; i < variants.size(); i++) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f |%n", r.workload().name(),
                        variants.get(i).name(), Stats.median(r.values(i, Metric.WALL)) / 1e3,
                        Stats.median(r.values(i, Metric.CPU)) / 1e3, Stats.median(r.values(i, Metric.ALLOCATION)) / 1024));
            }
        }
        Files.writeString(file, md.toString());
    }

    /** {@code | workload | comparison | median | q1–q3 |}, with the trailing bar of the last cell. */
    private static String row(String workload, String comparison, double[] ratios) {
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f–%.3f |", workload, comparison, Stats.median(ratios),
                Stats.quantile(ratios, 0.25), Stats.quantile(ratios, 0.75));
    }
}
