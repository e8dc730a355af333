package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.error.MappingException;
import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.error.UniqueViolationException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class CrudTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void insertFillsIdsDefaultsAndTimestamps(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model u = ops.create("User", "name", "Ann " + exec, "email", "ann-" + exec + "@example.com",
                "metadata", Map.of("role", "admin", "tags", List.of("a", "b")));
        assertThat(u.isNew()).isTrue();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        assertThat(ops.save(u)).isEqualTo(1);

        assertThat(u.isNew()).isFalse();
        assertThat(u.isDirty()).isFalse();
        Long id = get(u, "id");
        assertThat(id).isNotNull();
        assertThat((Boolean) get(u, "isActive")).isTrue();                 // column default
        assertThat((Integer) get(u, "score")).isEqualTo(10);                // column default
        assertThat((Integer) get(u, "lockVersion")).isEqualTo(0);
        assertThat((OffsetDateTime) get(u, "createdAt")).isAfter(before);
        assertThat((OffsetDateTime) get(u, "updatedAt")).isAfter(before);
        assertThat(db.queryValue("SELECT metadata->>'role' FROM users WHERE id = " + id)).isEqualTo("admin");

        Model loaded = ops.getById("User", id);
        assertThat((String) get(loaded, "name")).isEqualTo("Ann " + exec);
        assertThat((Map<String, Object>) get(loaded, "metadata")).containsEntry("role", "admin")
                .containsEntry("tags", List.of("a", "b"));
        assertThat(loaded.isDirty()).isFalse();
    }

    @BothBackends
    void cleanSaveSendsNoSqlAndDirtyUpdateWritesOnlyChangedColumns(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model u = ops.insert("User", "name", "Bo " + exec, "email", "bo-" + exec + "@example.com");
        Model loaded = ops.getById("User", get(u, "id"));

        ops.log().start();
        assertThat(ops.save(loaded)).isZero();
        assertThat(ops.log().stop()).isEmpty();

        set(loaded, "email", "bo2-" + exec + "@example.com");
        assertThat(loaded.dirtyFields()).containsExactly("email");
        ops.log().start();
        assertThat(ops.save(loaded)).isEqualTo(1);
        List<String> sent = ops.log().stop();
        assertThat(sent).hasSize(1);
        String update = sent.get(0).toLowerCase();
        assertThat(update).startsWith("update").contains("\"email\"").doesNotContain("\"name\" =").doesNotContain("\"metadata\" =");
        assertThat((Integer) get(loaded, "lockVersion")).isEqualTo(1);
        assertThat(db.queryValue("SELECT email FROM users WHERE id = " + get(u, "id"))).isEqualTo("bo2-" + exec + "@example.com");
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void jsonKeyOrderDoesNotMakeARecordDirty(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model u = ops.insert("User", "name", "Jo " + exec, "metadata", Map.of("a", 1, "b", 2));
        set(u, "metadata", new java.util.LinkedHashMap<>(Map.of("b", 2, "a", 1)));
        assertThat(u.isDirty()).isFalse();
        ((Map<String, Object>) get(u, "metadata")).put("c", 3);
        assertThat(u.dirtyFields()).containsExactly("metadata");
    }

    @BothBackends
    void callerSuppliedPrimaryKeyIsKept(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        long id = exec == Exec.JDBC ? 900_001L : 900_002L;
        Model u = ops.create("User", "id", id, "name", "Given " + exec);
        assertThat(ops.save(u)).isEqualTo(1);
        assertThat((Long) get(u, "id")).isEqualTo(id);
        assertThat(db.queryValue("SELECT name FROM users WHERE id = " + id)).isEqualTo("Given " + exec);
    }

    @BothBackends
    void compositeKeysWork(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        int org = exec == Exec.JDBC ? 1 : 2;
        Model m = ops.insert("Membership", "orgId", org, "userId", 7L, "role", "member");
        set(m, "role", "owner");
        assertThat(ops.save(m)).isEqualTo(1);
        Model loaded = ops.getById("Membership", new Object[] {org, 7L});
        assertThat((String) get(loaded, "role")).isEqualTo("owner");
        assertThat(ops.delete(loaded)).isEqualTo(1);
        assertThat(ops.findById("Membership", List.of(org, 7L))).isEmpty();
    }

    @BothBackends
    void findByIdRefusesANullOrMisshapenKeyBeforeAnySql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> ops.findById("User", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must not be null");
        assertThatThrownBy(() -> ops.findById("Membership", 7L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("composite key of 2 columns");
        assertThatThrownBy(() -> ops.findById("Membership", new Object[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("composite key of 2 columns");
        assertThat(ops.log().stop()).as("nothing was sent").isEmpty();
    }

    @BothBackends
    void refreshDeleteAndMissingRows(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model u = ops.insert("User", "name", "Cy " + exec);
        Long id = get(u, "id");
        db.execute("UPDATE users SET name = 'changed elsewhere' WHERE id = " + id);
        ops.refresh(u);
        assertThat((String) get(u, "name")).isEqualTo("changed elsewhere");
        assertThat(u.isDirty()).isFalse();

        assertThat(ops.delete(u)).isEqualTo(1);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE id = " + id)).isEqualTo(0L);
        assertThat(ops.findById("User", id)).isEmpty();
        assertThatThrownBy(() -> ops.getById("User", id)).isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining(String.valueOf(id));
        Model ghost = ops.insert("User", "name", "Ghost " + exec);
        db.execute("DELETE FROM users WHERE id = " + get(ghost, "id"));
        assertThatThrownBy(() -> ops.refresh(ghost)).isInstanceOf(RecordNotFoundException.class);
    }

    @BothBackends
    void upsertInsertsThenUpdatesFromExcluded(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String email = "up-" + exec + "@example.com";
        Model first = ops.create("User", "name", "First", "email", email);
        assertThat(ops.upsert(first, "email")).isEqualTo(1);
        Model second = ops.create("User", "name", "Second", "email", email);
        assertThat(ops.upsert(second, "email")).isEqualTo(1);
        assertThat((Long) get(second, "id")).isEqualTo(get(first, "id"));
        assertThat(db.queryValue("SELECT name FROM users WHERE email = '" + email + "'")).isEqualTo("Second");
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE email = '" + email + "'")).isEqualTo(1L);
    }

    @BothBackends
    void constraintErrorsKeepTheirTypeAndWriteNothing(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String email = "dup-" + exec + "@example.com";
        ops.insert("User", "name", "One", "email", email);
        Model dup = ops.create("User", "name", "Two", "email", email);
        assertThatThrownBy(() -> ops.save(dup)).isInstanceOf(UniqueViolationException.class)
                .satisfies(e -> assertThat(((UniqueViolationException) e).constraintName()).isEqualTo("users_email_key"));
        assertThat(dup.isNew()).isTrue();
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE email = '" + email + "'")).isEqualTo(1L);
    }

    @BothBackends
    void insertAllFillsKeysInOneRoundTrip(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Model> users = List.of(ops.create("User", "name", "B1"), ops.create("User", "name", "B2", "score", 99),
                ops.create("User", "name", "B3"));
        ops.insert("User", "name", "B0");     // the first insert with a null @Version also reads whether its column has a default
        ops.log().start();
        assertThat(ops.insertAll("User", users)).isEqualTo(3);
        assertThat(ops.log().stop()).hasSize(1);
        assertThat(users).allSatisfy(u -> assertThat((Long) get(u, "id")).isNotNull());
        assertThat(users).allSatisfy(u -> assertThat(u.isNew()).isFalse());
        assertThat((Integer) get(users.get(0), "score")).isEqualTo(10);     // DEFAULT for a null in a multi-row insert
        assertThat((Integer) get(users.get(1), "score")).isEqualTo(99);
        assertThat((String) get(users.get(2), "name")).isEqualTo("B3");
    }

    /**
     * More rows than one statement's binds hold go in several statements, all or nothing: a
     * failure in the last leaves no row of the first, and every instance new, ready for a retry.
     */
    @BothBackends
    void insertAllOfSeveralStatementsIsAllOrNothing(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "chunked-" + exec + "-";
        // four columns set or more: at most 16,383 rows a statement, so at least two statements
        List<Model> users = new ArrayList<>();
        for (int i = 0; i < 17_000; i++) {
            users.add(ops.create("User", "name", p + i, "email", p + i + "@example.com", "score", i, "isActive", true));
        }
        Model duplicate = ops.create("User", "name", p + "dup", "email", p + "0@example.com", "score", 0, "isActive", true);
        List<Model> failing = new ArrayList<>(users);
        failing.add(duplicate);
        assertThatThrownBy(() -> ops.insertAll("User", failing)).isInstanceOf(UniqueViolationException.class);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name LIKE '" + p + "%'")).isEqualTo(0L);
        assertThat(failing).allSatisfy(u -> {
            assertThat(u.isNew()).isTrue();
            assertThat((Long) get(u, "id")).isNull();
        });

        ops.log().start();
        assertThat(ops.insertAll("User", users)).isEqualTo(17_000);
        assertThat(ops.log().stop()).filteredOn(sql -> sql.toLowerCase().startsWith("insert")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name LIKE '" + p + "%'")).isEqualTo(17_000L);
        assertThat(users).allSatisfy(u -> assertThat(u.isNew()).isFalse());
    }

    @BothBackends
    void upsertAllUpdatesConflictingRows(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String label = "tag-" + exec;
        ops.insert("Tag", "label", label);
        List<Model> tags = List.of(ops.create("Tag", "label", label), ops.create("Tag", "label", label + "-new"));
        assertThat(ops.upsertAll("Tag", tags, "label")).isEqualTo(2);
        assertThat(db.queryValue("SELECT count(*) FROM tags WHERE label LIKE '" + label + "%'")).isEqualTo(2L);
        assertThat(tags).allSatisfy(t -> assertThat((Long) get(t, "id")).isNotNull());
    }

    @BothBackends
    void fieldWithoutColumnIsAMappingErrorNamingBoth(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        db.execute("CREATE TABLE IF NOT EXISTS events_narrow (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)");
        assertThatThrownBy(() -> ops.all(ops.query("NarrowEvent")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("NarrowEvent.payload").hasMessageContaining("payload").hasMessageContaining("events_narrow");
        // the insert's column list, a load by id, a pluck and a bulk SET name it in the table too
        assertThatThrownBy(() -> ops.save(ops.create("NarrowEvent", "payload", "p"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("NarrowEvent.payload");
        assertThatThrownBy(() -> ops.findById("NarrowEvent", 1L)).isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> ops.pluck(ops.query("NarrowEvent"), "payload", String.class)).isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> ops.updateAll(ops.query("NarrowEvent"), Map.of("payload", "p"))).isInstanceOf(MappingException.class);
    }

    /** A column missing from another FROM item than the model's table is the server's error, not the model's. */
    @BothBackends
    void columnMissingElsewhereStaysTheServersError(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        var posts = DSL.table(DSL.name("posts"));
        var postUser = DSL.field(DSL.name("posts", "user_id"), Long.class);
        var userId = DSL.field(DSL.name("users", "id"), Long.class);
        // users has score and name; posts and the CTE do not
        assertThatThrownBy(() -> ops.all(ops.query("User").join(posts, postUser.eq(userId)).where("posts.score > 0")))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("column posts.score does not exist")
                .satisfies(e -> assertThat(((SqlSyntaxException) e).sqlState()).isEqualTo("42703"));
        assertThatThrownBy(() -> ops.count(ops.query("User").where("exists (select 1 from posts p where p.score > 0)")))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("p.score");
        var ids = DSL.select(DSL.inline(1L).as("id"));
        assertThatThrownBy(() -> ops.all(ops.query("User").withCte("c", ids).fromCte("c")))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("column users.name does not exist")
                .hasMessageContaining("users names the rows the query reads (fromCte)");
    }

    @BothBackends
    void copyInLoadsRowsAtomically(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String g = "copy-" + exec + "-";
        List<Model> users = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            users.add(ops.create("User", "name", g + i + "\ttab\\back\nline", "score", i,
                    "metadata", Map.of("i", i, "quote", "\"q\"")));
        }
        ops.log().start();
        assertThat(ops.copyIn("User", users)).isEqualTo(5000L);
        // the column types, then one binary COPY
        assertThat(ops.log().stop()).hasSize(2).last().asString().startsWith("COPY \"users\"").endsWith("(FORMAT binary)");
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name LIKE '" + g + "%'")).isEqualTo(5000L);
        assertThat(db.queryValue("SELECT name FROM users WHERE name LIKE '" + g + "42\t%'")).isEqualTo(g + "42\ttab\\back\nline");
        assertThat(db.queryValue("SELECT metadata->>'quote' FROM users WHERE score = 42 AND name LIKE '" + g + "%'")).isEqualTo("\"q\"");
        assertThat(db.queryValue("SELECT bool_and(is_active) FROM users WHERE name LIKE '" + g + "%'")).isEqualTo(true);

        List<Model> bad = List.of(ops.create("User", "name", g + "ok", "email", g + "dup@x"),
                ops.create("User", "name", g + "dup", "email", g + "dup@x"));
        assertThatThrownBy(() -> ops.copyIn("User", bad)).isInstanceOf(UniqueViolationException.class);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name IN ('" + g + "ok', '" + g + "dup')")).isEqualTo(0L);
    }
}
