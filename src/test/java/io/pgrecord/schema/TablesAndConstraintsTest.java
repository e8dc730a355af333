package io.pgrecord.schema;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.error.ExclusionViolationException;
import io.pgrecord.models.Measurement;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.SchemaViews;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class TablesAndConstraintsTest {

    @BothBackends
    void excludeConstraintRejectsOverlappingBookingsOfTheSameRoom(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Booking"));
        schema.createTable(ops.type("Booking"));
        schema.createExtensionIfNotExists("btree_gist");
        schema.addExcludeConstraint(Exclude.on("bookings").named("no_overlap").using("gist")
                .element("room", "=").element("date_range", "&&"));

        ops.insert("Booking", "room", 101, "dateRange", range(1, 5));
        assertThatThrownBy(() -> ops.insert("Booking", "room", 101, "dateRange", range(3, 8)))
                .isInstanceOf(ExclusionViolationException.class)
                .satisfies(e -> assertThat(((ExclusionViolationException) e).constraintName()).isEqualTo("no_overlap"));
        ops.insert("Booking", "room", 102, "dateRange", range(3, 8));                  // another room
        ops.insert("Booking", "room", 101, "dateRange", range(5, 9));                  // [1,5) and [5,9) do not overlap
        assertThat(db.queryValue("SELECT count(*) FROM bookings")).isEqualTo(3L);

        assertThat(insp.indexes("bookings")).extracting(IndexInfo::name, IndexInfo::method, IndexInfo::columns, IndexInfo::constraint)
                .contains(tuple("no_overlap", "gist", List.of("room", "date_range"), "no_overlap"));
        assertThat(insp.constraints("bookings")).filteredOn(c -> c.type().equals(ConstraintInfo.EXCLUDE))
                .containsExactly(new ConstraintInfo("no_overlap", ConstraintInfo.EXCLUDE, List.of("room", "date_range"),
                        "EXCLUDE USING gist (room WITH =, date_range WITH &&)", false, false));
        assertThat(insp.extensions()).extracting(ExtensionInfo::name).contains("btree_gist");

        schema.dropConstraint("bookings", "no_overlap");
        schema.addExcludeConstraint(Exclude.on("bookings").element("room", "=").element("date_range", "&&")
                .where("room > 200").initiallyDeferred());
        assertThat(insp.constraints("bookings")).filteredOn(c -> c.type().equals(ConstraintInfo.EXCLUDE)).singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("bookings_room_date_range_excl");
                    assertThat(c.definition()).isEqualTo("EXCLUDE USING gist (room WITH =, date_range WITH &&) WHERE (room > 200)"
                            + " DEFERRABLE INITIALLY DEFERRED");
                    assertThat(c.deferrable()).isTrue();
                    assertThat(c.initiallyDeferred()).isTrue();
                });
    }

    @BothBackends
    void jsonbQuestionMarkOperatorsWorkInIndexesAndChecks(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        String t = "jq_" + exec.name().toLowerCase(java.util.Locale.ROOT);
        db.execute("CREATE TABLE " + t + " (doc jsonb)");
        // pgjdbc reads a lone ? as a bind: each operator ? must reach the server as the operator
        schema.createIndex(Index.on(t).named(t + "_k").columns("doc").using("gin").where("doc ? 'k'"));
        schema.createIndex(Index.on(t).named(t + "_ab").columns("doc").using("gin")
                .where("doc ?| array['a', 'b'] and doc ?& array['c'] and doc @? '$.d'"));
        schema.createIndex(Index.on(t).named(t + "_esc").expression("(doc ?? 'e')").where("doc ? 'q'"));
        assertThat(insp.indexes(t)).extracting(IndexInfo::name, IndexInfo::predicate).containsExactlyInAnyOrder(
                tuple(t + "_k", "(doc ? 'k'::text)"),
                tuple(t + "_ab", "((doc ?| ARRAY['a'::text, 'b'::text]) AND (doc ?& ARRAY['c'::text]) AND (doc @? '$.\"d\"'::jsonpath))"),
                tuple(t + "_esc", "(doc ? 'q'::text)"));
        assertThat(insp.indexes(t)).filteredOn(i -> i.name().equals(t + "_esc")).singleElement()
                .satisfies(i -> assertThat(i.definition()).contains("((doc ? 'e'::text))"));

        String domain = t + "_keyed";
        schema.createDomain(Domain.named(domain).as("jsonb").check("VALUE ?| array['a', 'b']").check("not VALUE ? 'x'"));
        assertThat(insp.domains("public")).filteredOn(d -> d.name().equals(domain)).singleElement()
                .satisfies(d -> assertThat(d.checks()).containsExactlyInAnyOrder(
                        "CHECK (VALUE ?| ARRAY['a'::text, 'b'::text])", "CHECK (NOT VALUE ? 'x'::text)"));
        assertThat(db.queryValue("SELECT '{\"b\": 1}'::" + domain + "::text")).isEqualTo("{\"b\": 1}");
        assertThatThrownBy(() -> db.execute("SELECT '{\"c\": 1}'::" + domain)).hasMessageContaining("violates check constraint");
        assertThatThrownBy(() -> db.execute("SELECT '{\"a\": 1, \"x\": 2}'::" + domain)).hasMessageContaining("violates check constraint");
    }

    @BothBackends
    void partitionedTableAndItsPartitionsAreListed(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Measurement"));
        schema.createTable(ops.type("Measurement"), TableOptions.defaults().partitionByRange("day"));
        schema.createPartition(Partition.named("measurements_2024").of("measurements")
                .range(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));
        schema.createPartition(Partition.named("measurements_old").of("measurements")
                .range(Partition.MINVALUE, LocalDate.of(2024, 1, 1)));
        schema.createPartition(Partition.named("measurements_rest").of("measurements").asDefault());

        assertThat(insp.tables("public")).filteredOn(t -> t.name().startsWith("measurements")).containsExactly(
                new TableInfo("public", "measurements", TableInfo.PARTITIONED_TABLE, null, null),
                new TableInfo("public", "measurements_2024", TableInfo.TABLE, "measurements", null),
                new TableInfo("public", "measurements_old", TableInfo.TABLE, "measurements", null),
                new TableInfo("public", "measurements_rest", TableInfo.TABLE, "measurements", null));
        assertThat(insp.tables("*")).extracting(TableInfo::name).contains("measurements", "measurements_2024");

        ops.insert("Measurement", "id", 1L, "day", LocalDate.of(2024, 6, 1), "reading", 7);
        ops.insert("Measurement", "id", 2L, "day", LocalDate.of(2023, 6, 1), "reading", 8);
        ops.insert("Measurement", "id", 3L, "day", LocalDate.of(2026, 6, 1), "reading", 9);
        assertThat(db.queryValue("SELECT reading FROM measurements_2024")).isEqualTo(7);
        assertThat(db.queryValue("SELECT reading FROM measurements_old")).isEqualTo(8);
        assertThat(db.queryValue("SELECT reading FROM measurements_rest")).isEqualTo(9);
        assertThat((Integer) get(ops.getById("Measurement", new Object[] {2L, LocalDate.of(2023, 6, 1)}), "reading")).isEqualTo(8);
        assertThat(insp.indexes("measurements")).extracting(IndexInfo::name, IndexInfo::columns)
                .containsExactly(tuple("measurements_pkey", List.of("id", "day")));

        schema.dropTable("measurements_rest");
        assertThat(insp.hasTable("measurements_rest")).isFalse();
    }

    @BothBackends
    void listAndHashPartitions(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Measurement"));
        schema.createTable(ops.type("Measurement"), TableOptions.defaults().partitionByList("day"));
        schema.createPartition(Partition.named("measurements_newyear").of("measurements")
                .in(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), null));
        db.execute("INSERT INTO measurements VALUES (1, '2024-01-01', 2), (2, '2025-01-01', NULL)");
        assertThat(db.queryValue("SELECT count(*) FROM measurements_newyear")).isEqualTo(2L);
        assertThatThrownBy(() -> db.execute("INSERT INTO measurements VALUES (3, '2024-01-02', 2)"))
                .hasMessageContaining("no partition");

        schema.dropTable(ops.type("Measurement"));
        schema.createTable(ops.type("Measurement"), TableOptions.defaults().partitionByHash("id"));
        schema.createPartition(Partition.named("measurements_h0").of("measurements").hash(2, 0));
        schema.createPartition(Partition.named("measurements_h1").of("measurements").hash(2, 1));
        db.execute("INSERT INTO measurements SELECT g, '2024-01-01', 0 FROM generate_series(1, 20) g");
        assertThat(db.queryValue("SELECT (SELECT count(*) FROM measurements_h0) + (SELECT count(*) FROM measurements_h1)")).isEqualTo(20L);
        assertThat(insp.tables("public")).filteredOn(t -> "measurements".equals(t.partitionOf())).hasSize(2);
        schema.dropTable(ops.type("Measurement"));
    }

    @BothBackends
    void materializedViewIsCreatedRefreshedAndDropped(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        String view = "room_counts_" + exec.name().toLowerCase(java.util.Locale.ROOT);
        db.execute("CREATE TABLE IF NOT EXISTS visits (room int, note text)", "TRUNCATE visits",
                "INSERT INTO visits VALUES (1, 'a'), (1, 'b'), (2, 'c')");
        schema.createMaterializedView(view, DSL.select(DSL.field(DSL.name("room")), DSL.count().as("n"))
                .from(DSL.table(DSL.name("visits"))).where(DSL.field(DSL.name("note")).ne("zzz")).groupBy(DSL.field(DSL.name("room"))));
        assertThat(insp.materializedViews("public")).contains(new TableInfo("public", view, TableInfo.MATERIALIZED_VIEW, null, null));
        assertThat(insp.tables("public")).extracting(TableInfo::name).doesNotContain(view);
        assertThat(insp.columns(view)).extracting(ColumnInfo::name, ColumnInfo::type)
                .containsExactly(tuple("room", "integer"), tuple("n", "bigint"));
        assertThat(db.queryValue("SELECT n FROM " + view + " WHERE room = 1")).isEqualTo(2L);

        schema.createIndex(Index.on(view).columns("room").unique());          // CONCURRENTLY needs a unique index
        db.execute("INSERT INTO visits VALUES (1, 'd')");
        schema.refreshMaterializedViewConcurrently(view);
        assertThat(db.queryValue("SELECT n FROM " + view + " WHERE room = 1")).isEqualTo(3L);
        db.execute("INSERT INTO visits VALUES (2, 'e')");
        schema.refreshMaterializedView(view);
        assertThat(db.queryValue("SELECT n FROM " + view + " WHERE room = 2")).isEqualTo(2L);

        schema.dropMaterializedView(view);
        schema.dropMaterializedViewIfExists(view);
        schema.createMaterializedView(view, DSL.select(DSL.inline(1).as("one")), false);
        assertThatThrownBy(() -> db.execute("SELECT * FROM " + view)).hasMessageContaining("has not been populated");
        schema.dropMaterializedView(view);
        assertThat(insp.materializedViews("public")).extracting(TableInfo::name).doesNotContain(view);
    }

    @BothBackends
    void commentsViewsSequencesInheritanceAndUnlogged(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists("wallet_archive");
        schema.dropTableIfExists(ops.type("Wallet"));
        schema.dropDomainIfExists("positive_int");
        schema.createDomain(Domain.named("positive_int").as("integer"));
        schema.createTable(ops.type("Wallet"), TableOptions.defaults().unlogged());
        assertThat(db.queryValue("SELECT relpersistence::text FROM pg_class WHERE relname = 'wallets'")).isEqualTo("u");

        schema.commentOnTable("wallets", "coins per user, it's \"unlogged\"");
        schema.commentOnColumn("wallets", "coins", "never negative");
        assertThat(insp.tables("public")).filteredOn(t -> t.name().equals("wallets")).singleElement()
                .extracting(TableInfo::comment).isEqualTo("coins per user, it's \"unlogged\"");
        assertThat(insp.columns("wallets")).extracting(ColumnInfo::comment).containsExactly(null, "never negative");
        schema.commentOnColumn("wallets", "coins", null);
        assertThat(insp.columns("wallets")).extracting(ColumnInfo::comment).containsExactly(null, null);

        assertThat(insp.sequences("public")).extracting(TableInfo::name, TableInfo::kind)
                .contains(tuple("wallets_id_seq", TableInfo.SEQUENCE));
        db.execute("CREATE OR REPLACE VIEW rich_wallets AS SELECT * FROM wallets WHERE coins > 100");
        assertThat(insp.views("public")).extracting(TableInfo::name).contains("rich_wallets");
        assertThat(insp.hasTable("rich_wallets")).isTrue();
        assertThat(insp.foreignTables("public")).isEmpty();
        db.execute("DROP VIEW rich_wallets");

        db.execute("CREATE TABLE wallet_archive (archived_at date)");
        schema.dropTable(ops.type("Wallet"));
        schema.createTable(ops.type("Wallet"), TableOptions.defaults().inherits("wallet_archive"));
        assertThat(insp.columns("wallets")).extracting(ColumnInfo::name).containsExactly("archived_at", "id", "coins");
        db.execute("INSERT INTO wallets (coins) VALUES (5)");
        assertThat(db.queryValue("SELECT count(*) FROM wallet_archive")).isEqualTo(1L);
        db.execute("DROP TABLE wallet_archive CASCADE");
    }

    @BothBackends
    void temporaryTableLivesInItsSession(Exec exec, TestDatabase db) {
        PostgresConnectionConfig single = db.configBuilder().poolMinSize(1).poolMaxSize(1).build();
        try (Session session = Session.open(exec, single)) {
            session.schema.createTable(Measurement.class, TableOptions.defaults().temporary(TableOptions.OnCommit.DELETE_ROWS));
            assertThat(session.inspector.hasTable("pg_temp.measurements")).isTrue();
            assertThat(session.inspector.tables("pg_temp")).extracting(TableInfo::name).containsExactly("measurements");
            assertThat(session.inspector.tables("*")).filteredOn(t -> t.name().equals("measurements"))
                    .anySatisfy(t -> assertThat(t.schema()).startsWith("pg_temp"));
            Inspector other = SchemaViews.inspector(exec, db);                                   // another session
            assertThat(other.hasTable("pg_temp.measurements")).isFalse();
            assertThat(other.tables("*")).filteredOn(t -> t.name().equals("measurements"))
                    .noneSatisfy(t -> assertThat(t.schema()).startsWith("pg_temp"));
        }
    }

    /** A table whose name and every part of it need quoting; names are matched exactly. */
    private static final String MIXED = "MiXeDCaSe!";
    private static final String CHILD = "Child Rows";
    private static final String ODD = "x\"; DROP TABLE y; --";

    @BothBackends
    void quotedNamesAreInspectedAndDroppedExactly(Exec exec, TestDatabase db) {
        db.execute("DROP TABLE IF EXISTS \"Child Rows\", \"MiXeDCaSe!\", \"mixedcase!\", y",
                "DROP MATERIALIZED VIEW IF EXISTS \"Mat View\"", "DROP TYPE IF EXISTS \"Mood Ring\"",
                "DROP DOMAIN IF EXISTS \"Pos!\"",
                "CREATE TABLE y (id int)",
                "CREATE TABLE \"MiXeDCaSe!\" (\"Id\" int CONSTRAINT \"Key!\" PRIMARY KEY, \"e-mail\" text,"
                        + " \"x\"\"; DROP TABLE y; --\" int, \"(a)\" int, CONSTRAINT \"Uniq Mail\" UNIQUE (\"e-mail\"))",
                "CREATE INDEX \"Idx MiXeD\" ON \"MiXeDCaSe!\" (lower(\"e-mail\"))",
                "CREATE TABLE \"Child Rows\" (id int PRIMARY KEY, \"Parent Id\" int"
                        + " CONSTRAINT \"FK to MiXeD\" REFERENCES \"MiXeDCaSe!\" (\"Id\") ON DELETE CASCADE)",
                "CREATE TABLE \"mixedcase!\" (other int)",
                "CREATE TYPE \"Mood Ring\" AS ENUM ('a')", "CREATE DOMAIN \"Pos!\" AS int CHECK (VALUE > 0)",
                "CREATE MATERIALIZED VIEW \"Mat View\" AS SELECT 1 AS one");
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);

        assertThat(insp.columns(MIXED)).extracting(ColumnInfo::name).containsExactly("Id", "e-mail", ODD, "(a)");
        assertThat(insp.columns("public." + MIXED)).hasSize(4);
        assertThat(insp.columns("mixedcase!")).extracting(ColumnInfo::name).containsExactly("other");   // no case folding
        assertThat(insp.columns("mixedCASE!")).isEmpty();
        assertThat(insp.hasTable(MIXED)).isTrue();
        assertThat(insp.tables("public")).extracting(TableInfo::name).contains(MIXED, CHILD, "mixedcase!");
        assertThat(insp.indexes(MIXED)).extracting(IndexInfo::name, IndexInfo::columns, IndexInfo::constraint).containsExactly(
                tuple("Idx MiXeD", List.of("lower(\"e-mail\")"), null),
                tuple("Key!", List.of("Id"), "Key!"),
                tuple("Uniq Mail", List.of("e-mail"), "Uniq Mail"));
        assertThat(insp.constraints(MIXED)).extracting(ConstraintInfo::name).containsExactly("Key!", "Uniq Mail");
        assertThat(insp.foreignKeys(CHILD)).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("FK to MiXeD");
            assertThat(fk.columns()).containsExactly("Parent Id");
            assertThat(fk.referencedTable()).isEqualTo(MIXED);
            assertThat(fk.referencedColumns()).containsExactly("Id");
            assertThat(fk.onDelete()).isEqualTo("CASCADE");
        });
        assertThat(insp.hasType("Mood Ring")).isTrue();
        assertThat(insp.enums("public")).extracting(EnumInfo::name).contains("Mood Ring");
        assertThat(insp.domains("public")).extracting(DomainInfo::name).contains("Pos!");
        assertThat(insp.materializedViews("public")).extracting(TableInfo::name).contains("Mat View");

        // the schema manager takes the same names: indexes on odd columns, comments, constraints, drops
        schema.createIndex(Index.on(MIXED).named("On " + ODD).columns(ODD, "(a)"));
        assertThat(insp.indexes(MIXED)).filteredOn(i -> i.name().equals("On " + ODD)).singleElement()
                .satisfies(i -> assertThat(i.columns()).containsExactly(ODD, "(a)"));
        schema.commentOnTable(MIXED, "mixed");
        schema.commentOnColumn(MIXED, ODD, "odd");
        assertThat(insp.tables("public")).filteredOn(t -> t.name().equals(MIXED)).singleElement()
                .satisfies(t -> assertThat(t.comment()).isEqualTo("mixed"));
        schema.dropIndex("On " + ODD);
        schema.dropIndex("public.Idx MiXeD");
        schema.dropIndexIfExists("Idx MiXeD");
        assertThat(insp.indexes(MIXED)).extracting(IndexInfo::name).containsExactly("Key!", "Uniq Mail");
        schema.dropConstraint(CHILD, "FK to MiXeD");
        schema.dropConstraint(MIXED, "Uniq Mail");
        assertThat(insp.foreignKeys(CHILD)).isEmpty();
        assertThat(insp.constraints(MIXED)).extracting(ConstraintInfo::name).containsExactly("Key!");
        schema.dropEnum("Mood Ring");
        schema.dropDomain("Pos!");
        schema.dropMaterializedView("Mat View");
        schema.dropTable(CHILD);
        schema.dropTable("public." + MIXED);
        assertThat(insp.hasTable(MIXED)).isFalse();
        assertThat(insp.hasTable(CHILD)).isFalse();
        assertThat(insp.hasType("Mood Ring")).isFalse();
        assertThat(insp.domains("public")).extracting(DomainInfo::name).doesNotContain("Pos!");
        assertThat(insp.materializedViews("public")).extracting(TableInfo::name).doesNotContain("Mat View");
        // the look-alikes are untouched
        assertThat(insp.hasTable("mixedcase!")).isTrue();
        assertThat(insp.hasTable("y")).isTrue();
        schema.dropTable("mixedcase!");
        schema.dropTable("y");
    }

    /** A backend of its own with one pooled connection, so every statement is in one session. */
    private record Session(AutoCloseable backend, SchemaManager schema, Inspector inspector) implements AutoCloseable {
        static Session open(Exec exec, PostgresConnectionConfig config) {
            if (exec == Exec.JDBC) {
                PostgresBackend b = new PostgresBackend(config).connect();
                return new Session(b, b.schema(), b.inspector());
            }
            AsyncPostgresBackend b = new AsyncPostgresBackend(config);
            b.connect().block(Duration.ofSeconds(30));
            return new Session(b, SchemaViews.blocking(b.schema()), SchemaViews.blocking(b.inspector()));
        }

        @Override
        public void close() {
            try {
                backend.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static LocalDateRange range(int fromDay, int toDay) {
        return LocalDateRange.localDateRange(LocalDate.of(2024, 1, fromDay), LocalDate.of(2024, 1, toDay));
    }
}
