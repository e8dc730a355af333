package io.pgrecord.bench.paired;

import java.util.List;

/**
 * Runs one workload: its check, then warmup rounds, then {@code pairs} measured rounds. A round
 * runs one block of every variant, in reverse order every other round, so a drift in the
 * machine's speed falls on both sides of each comparison alike.
 */
final class PairedRun {

    private PairedRun() {
    }

    /** The measured blocks, by round and variant index. */
    record Result(Workload workload, Block[][] blocks) {

        /** The per-round ratios of a comparison. */
        double[] ratios(Comparison c) {
            int a = workload.index(c.numerator());
            int b = workload.index(c.denominator());
            boolean threadOnly = workload.blocking(c.numerator()) && workload.blocking(c.denominator());
            double[] out = new double[blocks.length];
            for (int r = 0; r < blocks.length; r++) {
                out[r] = c.metric().of(blocks[r][a], threadOnly) / c.metric().of(blocks[r][b], threadOnly);
            }
            return out;
        }

        /** Per-round values of one variant, for the absolute table. */
        double[] values(int variant, Metric metric) {
            boolean threadOnly = workload.variants().get(variant).blocking();
            double[] out = new double[blocks.length];
            for (int r = 0; r < blocks.length; r++) {
                out[r] = metric.of(blocks[r][variant], threadOnly);
            }
            return out;
        }
    }

    static Result run(Workload w) throws Exception {
        Object[] sink = new Object[1];
        long t0 = System.nanoTime();
        w.check().run();
        System.out.printf("[paired] %s: variants agree (%d ms)%n", w.name(), (System.nanoTime() - t0) / 1_000_000);
        long warmupEnd = System.nanoTime() + (long) (w.warmupSeconds() * 1e9);
        int warmupRounds = 0;
        // at least one untimed round, so that every variant has run before the first pair
        do {
            round(w, warmupRounds++, sink);
        } while (System.nanoTime() < warmupEnd);
        System.out.printf("[paired] %s: %d warmup rounds in %.0f s%n", w.name(), warmupRounds, (System.nanoTime() - t0) / 1e9);
        Block[][] blocks = new Block[w.pairs()][];
        for (int r = 0; r < w.pairs(); r++) {
            blocks[r] = round(w, r, sink);
        }
        System.out.printf("[paired] %s: %d pairs done in %.0f s%n", w.name(), w.pairs(), (System.nanoTime() - t0) / 1e9);
        return new Result(w.withoutOps(), blocks);
    }

    private static Block[] round(Workload w, int round, Object[] sink) throws Exception {
        List<Variant> variants = w.variants();
        Block[] out = new Block[variants.size()];
        for (int k = 0; k < variants.size(); k++) {
            int i = round % 2 == 0 ? k : variants.size() - 1 - k;
            w.beforeBlock().run();
            out[i] = Block.run(variants.get(i).op(), w.blockNanos(), sink);
        }
        return out;
    }
}
