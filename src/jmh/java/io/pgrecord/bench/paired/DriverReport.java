package io.pgrecord.bench.paired;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.postgresql.util.DriverInfo;

/**
 * Writes bench/results/driver-settings.md: the header (machine, JDK, PostgreSQL, drivers,
 * warmup, pairs), each setting's ratios against its driver's default on the same client, and
 * each variant's median figures per operation.
 */
final class DriverReport {

    private DriverReport() {
    }

    static void write(Path file, PairedSettings s, String machine, String pinning, String server, List<PairedRun.Result> results)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Driver settings (paired)\n\n");
        if (s.smoke()) {
            md.append("**A smoke run (fewer than ").append(PairedSettings.MIN_PAIRS)
                    .append(" pairs): it shows that the study works; its figures are not results.**\n\n");
        }
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        md.append("- PostgreSQL: ").append(server).append(" (embedded, on the same machine)\n");
        md.append("- Drivers: pgjdbc ").append(DriverInfo.DRIVER_VERSION).append(", r2dbc-postgresql ")
                .append(PostgresqlConnectionFactory.class.getPackage().getImplementationVersion()).append('\n');
        md.append("- CPUs: ").append(pinning).append('\n');
        md.append("- Blocks of ").append(s.blockNanos() / 1_000_000).append(" ms; warmup (alternating blocks of every variant, "
                + "at least one round; shorter than the main paired run's) and measured pairs:\n");
        for (PairedRun.Result r : results) {
            md.append(String.format(Locale.ROOT, "  - %s: %.0f s, %d pairs, %d variants%n", r.workload().name(),
                    r.workload().warmupSeconds(), r.workload().pairs(), r.workload().variants().size()));
        }
        md.append("""
                - Every setting has its own pools of %d connections on one database: HikariCP over pgjdbc with the
                  main run's properties (reWriteBatchedInserts, stringtype=unspecified), a pgrecord blocking backend
                  given the setting as `driverOption`, and r2dbc-pool over r2dbc-postgresql (local validation).
                  The statements are the main paired run's. Before timing, pgjdbc reported each of its settings on a
                  connection of the setting's pool, raw and through pgrecord, and every variant returned the same rows.
                - Each round runs one block of every variant, in reverse order every other round; a ratio is taken
                  within each round, against the same client under its driver's default, and the table gives the
                  median of those ratios and their interquartile range. Below 1 the setting is faster, or cheaper.
                - Wall is time per operation; client CPU is the CPU time of every Java thread per operation;
                  allocation is bytes per operation, exact, of the benchmark thread for the blocking clients and of
                  every thread for r2dbc.
                - Defaults: pgjdbc prepareThreshold=5, preparedStatementCacheQueries=256, defaultRowFetchSize=0 (every
                  row at once), binaryTransfer=true; r2dbc-postgresql preparedStatementCacheQueries=-1 (unbounded),
                  fetchSize=0 (every row at once). On pgjdbc pgrecord sets none of these; it only sets
                  binaryTransferDisable for timetz, bytea and bytea[], which these tables do not have. Its reactive
                  pool sets preparedStatementCacheQueries=256 (pgjdbc's bound) unless given one; the r2dbc rows
                  here are raw r2dbc's.
                - pgjdbc honours defaultRowFetchSize only with auto-commit off: outside a transaction it reads every
                  row at once whatever the setting. So its rows compare operations run in a transaction (one
                  statement, then COMMIT) with and without it. r2dbc-postgresql applies fetchSize outside
                  transactions too, one round trip per batch of rows.

                ## Each setting against its driver's default

                | workload | variant | against | wall | q1–q3 | client CPU | q1–q3 | allocation |
                |---|---|---|---:|---:|---:|---:|---:|
                """.formatted(DriverPools.SIZE));
        for (PairedRun.Result r : results) {
            for (Comparison wall : r.workload().comparisons()) {
                double[] w = r.ratios(wall);
                double[] cpu = r.ratios(Comparison.reference(wall.numerator(), wall.denominator(), Metric.CPU));
                double[] alloc = r.ratios(Comparison.reference(wall.numerator(), wall.denominator(), Metric.ALLOCATION));
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f–%.3f | %.3f | %.3f–%.3f | %.3f |%n",
                        r.workload().name(), wall.numerator(), wall.denominator(),
                        Stats.median(w), Stats.quantile(w, 0.25), Stats.quantile(w, 0.75),
                        Stats.median(cpu), Stats.quantile(cpu, 0.25), Stats.quantile(cpu, 0.75), Stats.median(alloc)));
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
}
