package io.pgrecord.javadoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.AsyncSchemaManager;
import io.pgrecord.schema.ColumnInfo;
import io.pgrecord.schema.Domain;
import io.pgrecord.schema.EnumInfo;
import io.pgrecord.schema.Exclude;
import io.pgrecord.schema.Index;
import io.pgrecord.schema.IndexInfo;
import io.pgrecord.schema.Inspector;
import io.pgrecord.schema.Partition;
import io.pgrecord.schema.SchemaManager;
import io.pgrecord.schema.TableInfo;
import io.pgrecord.schema.TableOptions;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.PgTypes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc examples of the schema classes and of {@code PgTypes}: each region is what a
 * class's Javadoc shows ({@code {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=...}}),
 * so the examples are compiled and run.
 */
class SchemaExamplesTest extends PerTestDatabase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private void bookings() {
        db.execute("CREATE TABLE bookings (id bigint PRIMARY KEY, room_id integer, date_range daterange,"
                + " email text, note text, cancelled_at timestamptz)");
    }

    @Test
    void macAddressThroughJooq() {
        db.execute("CREATE TABLE devices (mac macaddr)");
        DSLContext dsl = backend.dsl();
        // @start region="pg-types"
        Field<MacAddress> mac = DSL.field("mac", PgTypes.MACADDR);
        dsl.insertInto(DSL.table("devices")).set(mac, MacAddress.parse("08:00:2b:01:02:03")).execute();
        MacAddress read = dsl.select(mac).from("devices").fetchOne(mac);
        // @end
        assertThat(read).isEqualTo(MacAddress.parse("08:00:2b:01:02:03"));
    }

    @Test
    void schemaManager() {
        bookings();
        // @start region="schema-manager"
        SchemaManager schema = backend.schema();
        schema.createEnum(Mood.class);
        schema.createTable(User.class);                     // columns, keys, defaults, FKs and @Indexed from the model
        schema.createDomain(Domain.named("positive_int").as("integer").notNull().check("VALUE > 0"));
        schema.createExtensionIfNotExists("btree_gist");
        schema.addExcludeConstraint(Exclude.on("bookings").element("room_id", "=").element("date_range", "&&"));
        // @end
        Inspector insp = backend.inspector();
        assertThat(insp.hasTable("users")).isTrue();
        assertThat(insp.hasType("mood", "*")).isTrue();
        assertThat(insp.hasType("positive_int", "*")).isTrue();
        assertThat(insp.indexes("bookings")).hasSize(2);   // the key, and the EXCLUDE constraint's index
    }

    @Test
    void domainsAndExcludeConstraints() {
        bookings();
        SchemaManager schema = backend.schema();
        // @start region="domain"
        schema.createDomain(Domain.named("positive_int").as("integer").notNull().check("VALUE > 0"));
        // @end
        // @start region="exclude"
        schema.createExtensionIfNotExists("btree_gist");          // for "=" on a scalar column in a gist index
        schema.addExcludeConstraint(Exclude.on("bookings").named("no_overlap").using("gist")
                .element("room_id", "=").element("date_range", "&&"));
        // @end
        db.execute("INSERT INTO bookings (id, room_id, date_range) VALUES (1, 7, '[2024-01-01,2024-01-05)')");
        assertThatThrownBy(() -> db.execute(
                "INSERT INTO bookings (id, room_id, date_range) VALUES (2, 7, '[2024-01-03,2024-01-04)')"))
                .hasMessageContaining("no_overlap");
        assertThatThrownBy(() -> db.execute("SELECT (-1)::positive_int")).hasMessageContaining("positive_int");
    }

    @Test
    void indexes() {
        assumeThat(backend.serverVersion().major()).as("nullsNotDistinct needs PostgreSQL 15").isGreaterThanOrEqualTo(15);
        bookings();
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        SchemaManager schema = backend.schema();
        schema.createExtensionIfNotExists("btree_gist");
        // @start region="index"
        schema.createIndex(Index.on("bookings").columns("room_id").using("gist").where("room_id > 0").include("note"));
        schema.createIndex(Index.on("users").named("users_email_lower").expression("lower(email)").unique());
        schema.createIndex(Index.on("users").columns("email").unique().nullsNotDistinct());   // PostgreSQL 15+
        // @end
        assertThat(backend.inspector().indexes("users")).hasSize(3);
        assertThat(backend.inspector().indexes("bookings")).hasSize(2);
    }

    @Test
    void indexedModel() {
        assumeThat(backend.serverVersion().major()).as("nullsNotDistinct needs PostgreSQL 15").isGreaterThanOrEqualTo(15);
        backend.schema().createTable(Booking.class);
        // the key and three @Indexed; the second on room_id is numbered, as PostgreSQL numbers its own
        assertThat(backend.inspector().indexes("bookings")).extracting(IndexInfo::name).containsExactlyInAnyOrder(
                "bookings_pkey", "bookings_room_id_idx", "bookings_email_idx", "bookings_room_id_idx1");
    }

    @Test
    void columnsAndForeignKeys() {
        SchemaManager schema = backend.schema();
        schema.createTable(Subscriber.class);
        schema.createTable(User.class);
        schema.createTable(Post.class);
        assertThat(backend.inspector().columns("subscribers")).extracting(ColumnInfo::name, ColumnInfo::type)
                .containsExactly(tuple("id", "bigint"),
                        tuple("metadata", "jsonb"),
                        tuple("mail", "text"));
        assertThat(db.queryValue("SELECT confdeltype::text FROM pg_constraint WHERE conrelid = 'posts'::regclass"
                + " AND contype = 'f'")).isEqualTo("c");
    }

    @Test
    void partitionedAndTemporaryTables() {
        SchemaManager schema = backend.schema();
        // @start region="table-options"
        schema.createTable(Measurement.class, TableOptions.defaults().partitionByRange("day"));
        schema.createPartition(Partition.named("measurement_2024").of("measurements")
                .range(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));
        schema.createTable(Scratch.class, TableOptions.defaults().temporary(TableOptions.OnCommit.DELETE_ROWS));
        // @end
        db.execute("CREATE TABLE orders (id bigint, region text) PARTITION BY LIST (region)",
                "CREATE TABLE events (id bigint) PARTITION BY HASH (id)");
        // @start region="partition"
        schema.createPartition(Partition.named("m_2023").of("measurements").range(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1)));
        schema.createPartition(Partition.named("m_old").of("measurements").range(Partition.MINVALUE, LocalDate.of(2023, 1, 1)));
        schema.createPartition(Partition.named("orders_eu").of("orders").in("de", "fr"));
        schema.createPartition(Partition.named("events_0").of("events").hash(4, 0));
        schema.createPartition(Partition.named("orders_rest").of("orders").asDefault());
        // @end
        assertThat(count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'measurements'::regclass")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'orders'::regclass")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass")).isEqualTo(1);
    }

    @Test
    void inspector() {
        usersAndPosts();
        backend.schema().createEnum(Mood.class);
        // @start region="inspector"
        Inspector insp = backend.inspector();
        List<TableInfo> tables = insp.tables("public");            // partitioned tables and partitions too
        List<ColumnInfo> columns = insp.columns("users");           // in column order
        boolean mood = insp.hasType("mood", "*");                    // in any schema
        // @end
        assertThat(tables).extracting(TableInfo::name).containsExactlyInAnyOrder("users", "posts", "profiles", "accounts");
        assertThat(columns).extracting(ColumnInfo::name).startsWith("id", "name", "email");
        assertThat(mood).isTrue();
    }

    @Test
    void reactiveSchemaAndInspector() {
        AsyncPostgresBackend async = db.async();
        // @start region="async-schema"
        AsyncSchemaManager schema = async.schema();
        schema.createEnum(Mood.class)
                .then(schema.createTable(AsyncUser.class))
                .then(schema.createIndex(Index.on("users").columns("email").unique()))
                .block();
        // @end
        // @start region="async-inspector"
        AsyncInspector insp = async.inspector();
        List<EnumInfo> enums = insp.enums("*").block();
        boolean users = insp.hasTable("users").block();
        // @end
        assertThat(enums).extracting(EnumInfo::name).containsExactly("mood");
        assertThat(users).isTrue();
        assertThat(insp.indexes("users").block(WAIT)).hasSize(2);
    }
}
