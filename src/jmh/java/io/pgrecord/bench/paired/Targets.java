package io.pgrecord.bench.paired;

import static io.pgrecord.bench.paired.Names.JDBC;
import static io.pgrecord.bench.paired.Names.JDBC_VIRTUAL;
import static io.pgrecord.bench.paired.Names.JOOQ;
import static io.pgrecord.bench.paired.Names.JOOQ_R2DBC;
import static io.pgrecord.bench.paired.Names.PGRECORD;
import static io.pgrecord.bench.paired.Names.PGRECORD_R2DBC;
import static io.pgrecord.bench.paired.Names.R2DBC;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets for a one-client workload, exactly as stated there, and the reference
 * ratios reported beside them (no target: what the driver costs, and item 6's comparison point).
 */
final class Targets {

    private Targets() {
    }

    static List<Comparison> oneClient(List<Variant> variants) {
        List<String> names = variants.stream().map(Variant::name).toList();
        List<Comparison> out = new ArrayList<>(List.of(
                Comparison.of(PGRECORD, JDBC, Metric.WALL, Target.atMost(1.05)),
                Comparison.of(PGRECORD, JOOQ, Metric.WALL, Target.below(1.00)),
                Comparison.of(PGRECORD, JDBC, Metric.CPU, Target.atMost(1.10)),
                Comparison.of(PGRECORD, JDBC, Metric.ALLOCATION, Target.atMost(1.25)),
                Comparison.of(PGRECORD_R2DBC, R2DBC, Metric.WALL, Target.atMost(1.03)),
                Comparison.of(PGRECORD_R2DBC, R2DBC, Metric.CPU, Target.atMost(1.05)),
                Comparison.reference(R2DBC, JDBC, Metric.WALL),
                Comparison.reference(R2DBC, JDBC, Metric.CPU)));
        if (names.contains(JOOQ_R2DBC)) {
            out.add(Comparison.reference(JOOQ_R2DBC, R2DBC, Metric.WALL));
        }
        if (names.contains(JDBC_VIRTUAL)) {
            // item 6: a JDBC-on-virtual-threads engine is worth offering at ≤ 0.67 (1.5× faster)
            out.add(Comparison.reference(JDBC_VIRTUAL, R2DBC, Metric.WALL));
        }
        return out;
    }
}
