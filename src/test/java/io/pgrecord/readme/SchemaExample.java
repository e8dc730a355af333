package io.pgrecord.readme;

import io.pgrecord.PostgresBackend;
import io.pgrecord.schema.Domain;
import io.pgrecord.schema.Exclude;
import io.pgrecord.schema.Inspector;
import io.pgrecord.schema.Partition;
import io.pgrecord.schema.SchemaManager;
import io.pgrecord.schema.TableOptions;
import java.time.LocalDate;

/** The README's "Schema and code generation" block; needs a {@code bookings(room_id, date_range)} table. */
final class SchemaExample {

    private SchemaExample() {
    }

    static void run(PostgresBackend backend) {
        // README: schema-begin
        SchemaManager schema = backend.schema();
        schema.createEnum(Mood.class);                      // CREATE TYPE mood AS ENUM (labels from @EnumLabel)
        schema.createTable(User.class);                     // columns, NOT NULL, defaults, identity, keys, FKs, @Indexed
        schema.createDomain(Domain.named("positive_int").as("integer").notNull().check("VALUE > 0"));
        schema.createExtensionIfNotExists("btree_gist");
        schema.addExcludeConstraint(Exclude.on("bookings").named("no_overlap").using("gist")
                .element("room_id", "=").element("date_range", "&&"));
        schema.createTable(Measurement.class, TableOptions.defaults().partitionByRange("day"));
        schema.createPartition(Partition.named("m_2024").of("measurements").range(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));

        Inspector insp = backend.inspector();
        insp.columns("users");        // name, format_type, nullable, default, identity, generated
        insp.indexes("bookings");     // with the indexes behind PRIMARY KEY, UNIQUE and EXCLUDE
        insp.enums("*");              // labels in sort order, in every schema
        // README: schema-end
    }
}
