package io.pgrecord.bench.paired;

import io.pgrecord.bench.BenchDb;
import io.pgrecord.bench.CpuPinning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paired mode ({@code mvn -Pbench verify -Dpaired}): every variant of a workload in this one
 * JVM against one server, in alternating blocks after a warmup, and the median of the per-round
 * ratios; writes bench/results/paired.md, or driver-settings.md for the driver-settings study
 * ({@code -Dpaired.study=driver}, {@link DriverStudy}). See {@link PairedSettings} for the knobs.
 */
public final class PairedMain {

    private PairedMain() {
    }

    public static void main(String[] args) throws Exception {
        // -Dpaired.study=driver: the driver-settings study instead of the workloads
        String study = System.getProperty("paired.study", "");
        boolean driverStudy = DriverStudy.NAME.equals(study);
        if (!study.isBlank() && !driverStudy) {
            throw new IllegalArgumentException("unknown -Dpaired.study=" + study + "; the one study is " + DriverStudy.NAME);
        }
        PairedSettings s = driverStudy ? PairedSettings.fromProperties(DriverStudy.WARMUP_SECONDS, DriverStudy.BLOCK_MS)
                : PairedSettings.fromProperties();
        Path out = Path.of(System.getProperty("bench.out", "bench/results"));
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        // before pinning, which leaves this thread one CPU to see
        String machine = Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
        EmbeddedPostgres pg = BenchDb.startServer();
        String pinning = CpuPinning.apply(pg);
        System.out.println("[paired] CPUs: " + pinning);
        // every block runs on this thread
        CpuPinning.pinCurrentThread();
        System.setProperty(BenchDb.SHARED_PORT, String.valueOf(pg.getPort()));
        List<PairedRun.Result> results = new ArrayList<>();
        String server;
        try (Fixture f = new Fixture(BenchDb.start(), pg.getPort());
             DriverPools pools = new DriverPools(pg.getPort(), f.db.database())) {
            server = f.db.serverVersion();
            List<Planned> planned = new ArrayList<>();
            if (driverStudy) {
                planned.addAll(new DriverStudy(s, pools, f).all());
            } else {
                planned.addAll(new NarrowWorkloads(f, s).all());
                planned.addAll(new WideWorkloads(f, s).all());
                planned.add(new Clients64(f, s).planned());
                planned.addAll(new BulkWorkloads(f, s).all());
            }
            for (Planned p : planned) {
                if (p.name().matches(s.include())) {
                    results.add(PairedRun.run(p.build().call()));
                }
            }
        } finally {
            pg.close();
        }
        Path file = out.resolve(driverStudy ? DriverStudy.FILE : "paired.md");
        if (driverStudy) {
            DriverReport.write(file, s, machine, pinning, server, results);
        } else {
            PairedReport.write(file, s, machine, pinning, server, results);
        }
        System.out.printf("[paired] wrote %s in %.0f s%n", file, (System.nanoTime() - t0) / 1e9);
    }
}
