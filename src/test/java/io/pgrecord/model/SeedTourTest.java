package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.pgrecord.Model;
import io.pgrecord.models.Schema;
import io.pgrecord.models.User;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's seed-style examples: arrays, jsonb, ranges, and models mixed with raw jOOQ. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class SeedTourTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void arrayColumnWithAny(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String t = "arr-" + exec;
        ops.insert("Article", "title", t + " pg", "tags", List.of("postgres", "sql"));
        ops.insert("Article", "title", t + " java", "tags", List.of("java"));
        Model withNull = ops.insert("Article", "title", t + " nulls", "tags", java.util.Arrays.asList("x", null));
        var mine = ops.<Model>query("Article").where("title LIKE ?", t + "%");
        List<Model> found = ops.all(mine.where("? = ANY(tags)", "postgres"));
        assertThat(found).extracting(a -> (String) get(a, "title")).containsExactly(t + " pg");
        assertThat((List<String>) get(found.get(0), "tags")).containsExactly("postgres", "sql");
        assertThat(ops.all(mine.where("tags @> ?", List.of("java")))).hasSize(1);
        Model reloaded = ops.getById("Article", get(withNull, "id"));
        assertThat((List<String>) get(reloaded, "tags")).containsExactly("x", null);
    }

    @BothBackends
    void jsonbQueriesWithStringBinds(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String t = "json-" + exec;
        ops.insert("Product", "name", t + " laptop", "attributes", Map.of("brand", "Dell", "ram", 16), "price", new BigDecimal("999.90"));
        ops.insert("Product", "name", t + " phone", "attributes", Map.of("brand", "Fairphone"), "price", new BigDecimal("549.00"));
        var mine = ops.<Model>query("Product").where("name LIKE ?", t + "%");
        List<Model> dell = ops.all(mine.where("attributes @> ?", "{\"brand\": \"Dell\"}"));
        assertThat(dell).extracting(p -> (String) get(p, "name")).containsExactly(t + " laptop");
        assertThat((BigDecimal) get(dell.get(0), "price")).isEqualByComparingTo("999.90");
        assertThat(ops.all(mine.where("attributes->>'brand' = ?", "Fairphone"))).hasSize(1);
        assertThat(ops.all(mine.where("(attributes->>'ram')::int >= ?", 8))).hasSize(1);
    }

    @BothBackends
    void dateRangeContainsADate(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        int room = exec == Exec.JDBC ? 101 : 201;
        ops.insert("Booking", "room", room,
                "dateRange", LocalDateRange.localDateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5)));
        ops.insert("Booking", "room", room,
                "dateRange", LocalDateRange.localDateRange(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 3)));
        var mine = ops.<Model>query("Booking").where("room = ?", room);
        List<Model> hit = ops.all(mine.where("date_range @> ?", LocalDate.of(2024, 1, 3)));
        assertThat(hit).hasSize(1);
        LocalDateRange r = get(hit.get(0), "dateRange");
        assertThat(r.lower()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(r.upper()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(ops.all(mine.where("date_range @> ?", LocalDate.of(2024, 3, 1)))).isEmpty();
    }

    @Test
    void rawJooqResultsMapIntoModelsAndTablesJoin(TestDatabase db) {
        var dsl = db.blocking().dsl();
        db.execute("INSERT INTO users (name, email) VALUES ('raw-1', 'raw1@example.com'), ('raw-2', 'raw2@example.com')");
        Field<String> email = field(name("users", "email"), SQLDataType.VARCHAR);
        List<User> users = dsl.select().from(User.find.table()).where(email.like("raw%")).orderBy(email)
                .fetch(User.find.mapper());
        assertThat(users).extracting(u -> u.name).containsExactly("raw-1", "raw-2");
        assertThat(users.get(0).isNew()).isFalse();
        assertThat(users.get(0).isDirty()).isFalse();

        users.get(0).name = "raw-1 renamed";
        assertThat(users.get(0).using(db.blocking()).save()).isEqualTo(1);
        assertThat(db.queryValue("SELECT name FROM users WHERE email = 'raw1@example.com'")).isEqualTo("raw-1 renamed");

        var posts = org.jooq.impl.DSL.table(name("posts"));
        Field<Long> userId = field(name("posts", "user_id"), SQLDataType.BIGINT);
        Field<Long> id = field(name("users", "id"), SQLDataType.BIGINT);
        dsl.execute("INSERT INTO posts (user_id, title) SELECT id, 'hello' FROM users WHERE name = 'raw-2'");
        List<Record> joined = dsl.select(User.find.table().asterisk()).from(User.find.table())
                .join(posts).on(userId.eq(id)).where(email.like("raw%")).fetch();
        assertThat(joined.stream().map(r -> User.find.mapper().map(r).name)).containsExactly("raw-2");
        assertThat(User.find.using(db.blocking()).where(email.eq("raw2@example.com")).one().name).isEqualTo("raw-2");
        assertThat(User.find.using(db.blocking()).query().where(id.in(dsl.select(userId).from(posts))).count()).isEqualTo(1);
    }
}
