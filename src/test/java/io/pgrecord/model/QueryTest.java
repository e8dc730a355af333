package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import io.pgrecord.Model;
import io.pgrecord.QueryBuilder;
import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.error.TooManyRowsException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every query builder and terminal, on both APIs. Each scenario owns the rows named after its exec. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class QueryTest {

    private static final Field<Long> ID = field(name("users", "id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = field(name("users", "name"), SQLDataType.VARCHAR);
    private static final Field<Integer> SCORE = field(name("users", "score"), SQLDataType.INTEGER);

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
        // a filter that overruns any short timeout on each row it reads
        db.execute("CREATE FUNCTION slow(b boolean) RETURNS boolean LANGUAGE sql AS 'SELECT pg_sleep(0.6) IS NOT NULL AND b'");
        for (Exec e : Exec.values()) {
            String g = e.name().toLowerCase();
            db.execute("INSERT INTO users (name, email, score, is_active, metadata) VALUES "
                    + "('" + g + "-ann', 'ann@" + g + "', 30, true, '{\"role\":\"admin\",\"tier\":1}'),"
                    + "('" + g + "-bob', 'bob@" + g + "', 10, true, '{\"role\":\"user\",\"tier\":2}'),"
                    + "('" + g + "-cat', 'cat@" + g + "', 20, false, '{\"role\":\"admin\",\"tier\":2}'),"
                    + "('" + g + "-dan', 'dan@" + g + "', 20, true, null)");
        }
    }

    private static QueryBuilder<Model, ?> mine(ModelOps ops) {
        return ops.<Model>query("User").where("name LIKE ?", ops.exec().name().toLowerCase() + "-%");
    }

    private static List<String> names(List<? extends Model> users) {
        return users.stream().map(u -> (String) get(u, "name")).map(n -> n.substring(n.indexOf('-') + 1)).toList();
    }

    @BothBackends
    void whereOrderLimitOffset(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThat(names(ops.all(mine(ops).orderBy("-score", "name")))).containsExactly("ann", "cat", "dan", "bob");
        assertThat(names(ops.all(mine(ops).orderBy("score", "-name").limit(2)))).containsExactly("bob", "dan");
        assertThat(names(ops.all(mine(ops).orderBy("name").offset(1).limit(2)))).containsExactly("bob", "cat");
        assertThat(names(ops.all(mine(ops).where(SCORE.eq(20)).orderBy(NAME.desc())))).containsExactly("dan", "cat");
        assertThat(names(ops.all(mine(ops).where("metadata->>'role' = ?", "admin").orderBy("name")))).containsExactly("ann", "cat");
        assertThat(names(ops.all(mine(ops).where("metadata @> ?", "{\"tier\": 2}").orderBy("isActive", "name"))))
                .containsExactly("cat", "bob");
    }

    /** The optional-filter idiom: a null bind is SQL NULL wherever it stands, typed by its context. */
    @BothBackends
    void nullBindsInSqlText(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Integer noLimit = null;
        assertThat(names(ops.all(mine(ops).where("(? IS NULL OR score <= ?)", noLimit, noLimit).orderBy("name"))))
                .containsExactly("ann", "bob", "cat", "dan");
        assertThat(names(ops.all(mine(ops).where("(? IS NULL OR score <= ?)", 10, 10)))).containsExactly("bob");
        assertThat(names(ops.all(mine(ops).where("metadata IS NOT DISTINCT FROM ?", (Object) null)))).containsExactly("dan");
        assertThat(names(ops.all(mine(ops).where("coalesce(?, name) = name", (Object) null).orderBy("name"))))
                .containsExactly("ann", "bob", "cat", "dan");
        // a list with no element to type it by: typed by its context, not as text[]
        assertThat(ops.all(mine(ops).where("id = any(?)", List.of()))).isEmpty();
        assertThat(ops.count(mine(ops).where("NOT (score = any(?))", Arrays.asList(null, null)))).isZero();
        assertThat(names(ops.all(mine(ops).where("NOT (id = any(?))", List.of()).orderBy("name"))))
                .containsExactly("ann", "bob", "cat", "dan");
    }

    /** A list in {@code IN (?)} is one bind per element, as in Rails and Spring's named parameters. */
    @BothBackends
    void listInInMarkerIsOneBindPerElement(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String g = exec.name().toLowerCase();
        List<String> annAndCat = List.of(g + "-ann", g + "-cat");
        QueryBuilder<Model, ?> in = mine(ops).where("name IN (?)", annAndCat).orderBy("name");
        assertThat(in.toSql()).containsIgnoringCase("name IN (?, ?)");
        assertThat(in.bindValues()).containsSubsequence(annAndCat);
        assertThat(names(ops.all(in))).containsExactly("ann", "cat");
        assertThat(names(ops.all(mine(ops).where("score not in ( ? ) and is_active = ?", List.of(10, 30), true))))
                .containsExactly("dan");
        // several lists, beside plain binds, and in HAVING
        assertThat(names(ops.all(mine(ops).where("score in (?) and name in (?)", new Object[] {20, 30}, annAndCat)
                .orderBy("name")))).containsExactly("ann", "cat");
        assertThat(ops.count(mine(ops).select(SCORE).groupBy(SCORE).having("count(*) in (?)", List.of(2, 3)))).isEqualTo(1);
        // an empty list: IN is false, NOT IN is true (Rails' NOT IN (NULL) would match nothing)
        assertThat(ops.all(mine(ops).where("id IN (?)", List.of()))).isEmpty();
        assertThat(ops.count(mine(ops).where("id NOT IN (?)", List.of()))).isEqualTo(4);
        // past 1,000 elements, one array bind
        List<Long> many = java.util.stream.LongStream.rangeClosed(-1500, -1).boxed().toList();
        QueryBuilder<Model, ?> long1500 = mine(ops).where("id in (?)", many);
        assertThat(long1500.toSql()).containsIgnoringCase("= any");
        assertThat(ops.all(long1500)).isEmpty();
        assertThat(ops.count(mine(ops).where("id not in (?)", many))).isEqualTo(4);
        // a list anywhere else stays one array; a ? inside a literal is not a marker
        assertThat(names(ops.all(mine(ops).where("score = any(?) and name <> 'in (?)'", List.of(10))))).containsExactly("bob");
    }

    @BothBackends
    void moreBindsThanMarkersAreRefusedBeforeSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> mine(ops).where("score = ?", 10, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 bind marker");
        assertThat(ops.log().stop()).isEmpty();
    }

    /** One rule for which {@code ?} is a bind, the same on both backends, whatever literal or comment holds one. */
    @BothBackends
    void questionMarksReadByOneRuleOnBothBackends(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        // the jsonb operators: ?? beside binds, a lone ? in text given none
        assertThat(names(ops.all(mine(ops).where("metadata ? 'role'").orderBy("name")))).containsExactly("ann", "bob", "cat");
        assertThat(names(ops.all(mine(ops).where("metadata ?? 'role' and score = ?", 20)))).containsExactly("cat");
        assertThat(names(ops.all(mine(ops).where("metadata ?| array['x', 'tier'] and score = ?", 10)))).containsExactly("bob");
        assertThat(names(ops.all(mine(ops).where("metadata ?& array['role', 'tier'] and score > ?", 25)))).containsExactly("ann");
        // a ? in literals, quoted names and comments is no bind
        assertThat(names(ops.all(mine(ops).where("name <> $$?$$ and score = ?", 10)))).containsExactly("bob");
        assertThat(names(ops.all(mine(ops).where("name <> $t$ it's ? $t$ and score = ?", 10)))).containsExactly("bob");
        assertThat(names(ops.all(mine(ops).where("name <> E'it\\'s ?' and name <> e'a''?\\\\' and score = ?", 10))))
                .containsExactly("bob");
        assertThat(names(ops.all(mine(ops).where("/* who? /* nested? */ still? */ \"score\" = ? -- what?", 10))))
                .containsExactly("bob");
        // a bind beside an operator or a cast
        assertThat(names(ops.all(mine(ops).where("score = ?-10 and score::text = ? and ?::int = 10", 20, "10", "10"))))
                .containsExactly("bob");
        assertThat(names(ops.all(mine(ops).where("name = ?||'-bob'", exec.name().toLowerCase())))).containsExactly("bob");
        assertThat(ops.count(mine(ops).select(SCORE).groupBy(SCORE).having("count(*) = ? and min(?::text) <> $$?$$", 2, "x")))
                .isEqualTo(1);

        // a bind count other than the markers' is refused before any SQL, naming both counts
        ops.log().start();
        assertThatThrownBy(() -> mine(ops).where("score = ? and name = ?", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 bind markers (?) but 1 bind value was given");
        assertThatThrownBy(() -> mine(ops).where("metadata ? 'role' and score = ?", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 bind markers").hasMessageContaining("??");
        assertThat(ops.log().stop()).isEmpty();
    }

    @BothBackends
    void unknownOrderColumnIsRejectedBeforeSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> mine(ops).orderBy("-nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("users");
        assertThatThrownBy(() -> mine(ops).orderBy("name; DROP TABLE users")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ops.pluck(mine(ops), "secret", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ops.updateAll(mine(ops), Map.of("name = 'x'; --", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ops.log().stop()).isEmpty();
    }

    @BothBackends
    void nullNamesAndConditionsAreRejectedBeforeSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> mine(ops).orderBy((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderBy").hasMessageContaining("null column name");
        assertThatThrownBy(() -> mine(ops).orderBy("name", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null column name");
        assertThatThrownBy(() -> mine(ops).orderBy((String[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderBy");
        assertThatThrownBy(() -> mine(ops).orderBy(NAME.asc(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderBy got a null field");
        assertThatThrownBy(() -> mine(ops).where(SCORE.eq(1), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("where got a null condition");
        assertThatThrownBy(() -> mine(ops).where((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> mine(ops).where((String) null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThat(ops.log().stop()).isEmpty();
    }

    @BothBackends
    void injectionStringAsBindMatchesNothingAndChangesNothing(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String evil = "x'; DROP TABLE users; --";
        assertThat(ops.all(ops.query("User").where("name = ?", evil))).isEmpty();
        assertThat(ops.count(ops.query("User").where("email = ?", "' OR '1'='1"))).isZero();
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name LIKE '" + exec.name().toLowerCase() + "-%'")).isEqualTo(4L);
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Model) casts type List.of for the generic first/one
    void firstOneAndExists(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThat(names(List.of((Model) ops.first(mine(ops).orderBy("name")).orElseThrow()))).containsExactly("ann");
        assertThat(ops.first(mine(ops).where("score > ?", 1000))).isEmpty();
        assertThat(names(List.of((Model) ops.one(mine(ops).where("score = ?", 30))))).containsExactly("ann");
        assertThatThrownBy(() -> ops.one(mine(ops).where("score = ?", 20))).isInstanceOf(TooManyRowsException.class);
        assertThatThrownBy(() -> ops.one(mine(ops).where("score = ?", 99))).isInstanceOf(RecordNotFoundException.class);
        assertThat(ops.exists(mine(ops).where("score = ?", 10))).isTrue();
        assertThat(ops.exists(mine(ops).where("score = ?", 11).orderBy("name").limit(1))).isFalse();
    }

    @BothBackends
    void countAndAggregatesDropOrderAndHonourLimit(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThat(ops.count(mine(ops).orderBy("-score"))).isEqualTo(4);
        assertThat(ops.count(mine(ops).orderBy("-score").limit(3))).isEqualTo(3);
        assertThat(ops.count(mine(ops).orderBy("name").offset(3).limit(10))).isEqualTo(1);
        assertThat(ops.count(mine(ops).distinctOn(SCORE).orderBy(SCORE))).isEqualTo(3);
        assertThat(ops.sum(mine(ops), "score")).isEqualByComparingTo("80");
        assertThat(ops.sum(mine(ops).where("score > 1000"), "score")).isEqualByComparingTo("0");
        assertThat(ops.avg(mine(ops), "score")).isEqualByComparingTo("20");
        assertThat(ops.min(mine(ops), "score")).isEqualTo(10);
        assertThat(ops.max(mine(ops).orderBy("score").limit(2), "score")).isEqualTo(20);
        assertThat(ops.pluck(mine(ops).orderBy("-score", "name"), "score", Long.class)).containsExactly(30L, 20L, 20L, 10L);
    }

    /**
     * pluck keeps NULLs in its list; a Flux cannot emit one, so the reactive pluck refuses the
     * column, naming it and the list-returning pluckList, which keeps them.
     */
    @BothBackends
    void pluckOfAColumnWithNulls(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        QueryBuilder<Model, ?> byName = mine(ops).orderBy("name");
        List<Boolean> nulls = db.query("SELECT metadata IS NULL FROM users WHERE name LIKE '" + exec.name().toLowerCase()
                + "-%' ORDER BY name").stream().map(row -> (Boolean) row.get(0)).toList();
        assertThat(nulls).contains(true, false);
        List<String> plucked = exec == Exec.JDBC
                ? ((io.pgrecord.Query<?>) byName).pluck("metadata", String.class)
                : ((io.pgrecord.AsyncQuery<?>) byName).pluckList("metadata", String.class).block(java.time.Duration.ofSeconds(30));
        assertThat(plucked).hasSameSizeAs(nulls);
        for (int i = 0; i < nulls.size(); i++) {
            assertThat(plucked.get(i) == null).as("row %d", i).isEqualTo(nulls.get(i));
        }
        if (exec == Exec.R2DBC) {
            var async = (io.pgrecord.AsyncQuery<?>) byName;
            assertThatThrownBy(() -> async.pluck("metadata", String.class).collectList().block(java.time.Duration.ofSeconds(30)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pluck(\"metadata\")")
                    .hasMessageContaining("where(\"metadata IS NOT NULL\")").hasMessageContaining("pluckList(\"metadata\", String.class)");
            assertThat(async.where("metadata IS NOT NULL").pluck("metadata", String.class).collectList().block(java.time.Duration.ofSeconds(30)))
                    .hasSize((int) nulls.stream().filter(n -> !n).count()).doesNotContainNull();
        }
    }

    @BothBackends
    void projectionGroupingAndWindowFunctions(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Result<Record> grouped = ops.fetch(mine(ops).select(SCORE, count().as("n")).groupBy(SCORE)
                .having(count().gt(1)));
        assertThat(grouped).hasSize(1);
        assertThat(grouped.get(0).get(SCORE)).isEqualTo(20);
        assertThat(grouped.get(0).get("n", Integer.class)).isEqualTo(2);

        Field<Integer> rank = rowNumber().over().orderBy(SCORE.desc(), NAME).as("rank");
        Result<Record> ranked = ops.fetch(mine(ops).select(NAME, rank).orderBy(rank));
        assertThat(ranked.getValues("rank", Integer.class)).containsExactly(1, 2, 3, 4);
        assertThat(ranked.get(0).get(NAME)).endsWith("-ann");

        assertThat(ops.fetch(mine(ops).select(SCORE).distinct().orderBy(SCORE)).getValues(SCORE)).containsExactly(10, 20, 30);
        List<Model> perScore = ops.all(mine(ops).distinctOn(SCORE).orderBy(SCORE.asc(), NAME.desc()));
        assertThat(names(perScore)).containsExactly("bob", "dan", "ann");
    }

    @BothBackends
    void joinsWithRawJooqTables(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String g = exec.name().toLowerCase();
        db.execute("INSERT INTO posts (user_id, title) SELECT id, 'post of ' || name FROM users WHERE name IN ('"
                + g + "-ann', '" + g + "-cat')");
        var posts = table(name("posts"));
        Field<Long> postUser = field(name("posts", "user_id"), SQLDataType.BIGINT);
        assertThat(names(ops.all(mine(ops).join(posts, postUser.eq(ID)).orderBy("name")))).containsExactly("ann", "cat");
        assertThat(names(ops.all(mine(ops).leftJoin(posts, postUser.eq(ID)).where(postUser.isNull()).orderBy("name"))))
                .containsExactly("bob", "dan");
        Result<Record> joined = ops.fetch(mine(ops).select(NAME, field(name("posts", "title"))).join(posts, postUser.eq(ID))
                .orderBy(NAME));
        assertThat(joined.get(0).get(1, String.class)).isEqualTo("post of " + g + "-ann");
    }

    @BothBackends
    void ctesAndRecursiveCtes(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        var active = ops.<Model>query("User").withCte("active_users", mine(ops).where("is_active = ?", true))
                .fromCte("active_users").orderBy("name");
        assertThat(names(ops.all(active))).containsExactly("ann", "bob", "dan");
        assertThat(ops.count(active)).isEqualTo(3);

        Field<Integer> n = field(name("n"), SQLDataType.INTEGER);
        var counter = select(org.jooq.impl.DSL.inline(1)).unionAll(select(n.plus(1)).from(table(name("t"))).where(n.lt(5)));
        var numbered = mine(ops).withRecursiveCte("t", new String[] {"n"}, counter)
                .where(SCORE.in(select(n.mul(10)).from(table(name("t"))))).orderBy("name");
        assertThat(names(ops.all(numbered))).containsExactly("ann", "bob", "cat", "dan");
    }

    @BothBackends
    void setOperations(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        var high = mine(ops).where("score >= ?", 20);
        var admins = mine(ops).where("metadata->>'role' = ?", "admin");
        assertThat(names(ops.all(high.union(admins)))).containsExactlyInAnyOrder("ann", "cat", "dan");
        assertThat(ops.all(high.unionAll(admins))).hasSize(5);
        assertThat(names(ops.all(high.intersect(admins)))).containsExactlyInAnyOrder("ann", "cat");
        assertThat(names(ops.all(high.except(admins)))).containsExactly("dan");

        // what is built on a set operation applies to the combined rows, as in SQL
        var bob = mine(ops).where("name LIKE ?", "%-bob");
        assertThat(names(ops.all(high.union(bob).orderBy("-score", "name").limit(3)))).containsExactly("ann", "cat", "dan");
        assertThat(names(ops.all(high.union(bob).orderBy("score", "name").limit(2)))).containsExactly("bob", "cat");
        assertThat(names(ops.all(high.union(bob).where("score < ?", 25).orderBy("name")))).containsExactly("bob", "cat", "dan");
        assertThat(ops.count(high.unionAll(admins).limit(3))).isEqualTo(3);
        assertThat(ops.count(high.union(bob).where("score = ?", 20))).isEqualTo(2);
        assertThat(names(ops.all(high.intersect(admins).orderBy("-name")))).containsExactly("cat", "ann");
    }

    @BothBackends
    void updateAllAndDeleteAllTouchOnlyMatchingRows(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String g = exec.name().toLowerCase();
        db.execute("INSERT INTO users (name, score) VALUES ('" + g + "-tmp1', 1), ('" + g + "-tmp2', 2), ('" + g + "-tmp3', 3)");
        var tmp = ops.query("User").where("name LIKE ?", g + "-tmp%");
        assertThat(ops.updateAll(tmp.where("score < ?", 3), Map.of("score", 50, "isActive", false))).isEqualTo(2);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name LIKE '" + g + "-tmp%' AND score = 50 AND NOT is_active"))
                .isEqualTo(2L);
        assertThat(ops.updateAll(tmp.orderBy("name").limit(1), Map.of("email", "first@" + g))).isEqualTo(1);
        assertThat(db.queryValue("SELECT name FROM users WHERE email = 'first@" + g + "'")).isEqualTo(g + "-tmp1");
        assertThat(ops.deleteAll(tmp)).isEqualTo(3);
        assertThat(ops.count(tmp)).isZero();
        assertThat(ops.count(mine(ops))).isEqualTo(4);
    }

    @BothBackends
    void rowLocksInFourStrengthsWithNoWaitAndSkipLocked(Exec exec, TestDatabase db) throws Exception {
        ModelOps ops = ModelOps.on(exec, db);
        String g = exec.name().toLowerCase();
        try (Connection other = db.jdbc()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT id FROM users WHERE name = '" + g + "-ann' FOR NO KEY UPDATE");
            }
            assertThat(names(ops.all(mine(ops).orderBy("name").forUpdate().skipLocked()))).containsExactly("bob", "cat", "dan");
            assertThat(names(ops.all(mine(ops).orderBy("name").forShare().skipLocked()))).containsExactly("bob", "cat", "dan");
            assertThat(ops.all(mine(ops).forKeyShare().noWait())).hasSize(4);     // no conflict with NO KEY UPDATE
            assertThatThrownBy(() -> ops.all(mine(ops).forUpdate().noWait()))
                    .isInstanceOf(io.pgrecord.error.LockNotAvailableException.class);
            assertThatThrownBy(() -> ops.all(mine(ops).forNoKeyUpdate().of(table(name("users"))).noWait()))
                    .isInstanceOf(io.pgrecord.error.LockNotAvailableException.class);
            other.rollback();
        }
        assertThat(ops.all(mine(ops).forNoKeyUpdate().of(table(name("users"))).noWait())).hasSize(4);
    }

    @BothBackends
    void sqlInspection(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        var q = ops.query("User").where("score > ?", 15).orderBy("-name").limit(5);
        assertThat(q.toSql()).startsWith("select").contains("\"users\".\"score\"").contains("score > cast(? as int)").contains("order by")
                .contains("desc");
        assertThat(q.bindValues()).containsExactly(15);        // the limit is written inline
        assertThat(q.toSql()).contains("5 rows only");
        assertThat(ops.explain(mine(ops))).containsIgnoringCase("scan");
        assertThat(q.asSelect().getSQL()).isEqualTo(q.toSql());
    }

    /** first() without an order reads by primary key, as Rails' first does: an updated row does not move it. */
    @BothBackends
    void firstWithoutAnOrderIsTheLowestKey(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String g = exec.name().toLowerCase();
        // a new row version goes to the end of the heap: an unordered scan would now meet bob first
        db.execute("UPDATE users SET score = score WHERE name = '" + g + "-ann'");
        Model first = ops.first(mine(ops)).orElseThrow();
        assertThat((String) get(first, "name")).isEqualTo(g + "-ann");
        assertThat(mine(ops).limit(1).toSql()).doesNotContain("order by");
        ops.log().start();
        ops.first(mine(ops));
        assertThat(ops.log().stop()).singleElement().asString().contains("order by \"users\".\"id\" asc");
        // an order given is kept
        assertThat((String) get(ops.first(mine(ops).orderBy("-name")).orElseThrow(), "name")).isEqualTo(g + "-dan");
    }

    /** Models from a projection of some columns: each value goes to its column's field, by name. */
    @BothBackends
    void allOfAProjectionFillsTheFieldsByName(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Model> users = ops.all(mine(ops).select(SCORE, NAME).orderBy("name"));
        assertThat(users).extracting(u -> (String) get(u, "name")).containsExactly(
                exec.name().toLowerCase() + "-ann", exec.name().toLowerCase() + "-bob",
                exec.name().toLowerCase() + "-cat", exec.name().toLowerCase() + "-dan");
        assertThat(users).extracting(u -> (Integer) get(u, "score")).containsExactly(30, 10, 20, 20);
        assertThat(users).extracting(u -> get(u, "id")).containsOnlyNulls();
        assertThat(ops.streamAll(mine(ops).select(SCORE, NAME).orderBy("name"))).extracting(u -> (Integer) get(u, "score"))
                .containsExactly(30, 10, 20, 20);
    }

    /** asSelect() runs through a backend's dsl(), as the README shows, on both backends. */
    @BothBackends
    void asSelectRunsThroughABackendsDsl(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        org.jooq.Select<Record> select = mine(ops).orderBy("name").asSelect();
        if (exec == Exec.JDBC) {
            assertThat(db.blocking().dsl().fetch(select)).hasSize(4);
            select.attach(db.blocking().dsl().configuration());
            assertThat(select.fetch()).hasSize(4);
        } else {
            var dsl = db.async().dsl();
            assertThat(reactor.core.publisher.Flux.from(dsl.selectFrom(select.asTable("q"))).collectList()
                    .block(java.time.Duration.ofSeconds(30))).hasSize(4);
            select.attach(dsl.configuration());
            assertThat(reactor.core.publisher.Flux.from(select).collectList().block(java.time.Duration.ofSeconds(30))).hasSize(4);
        }
    }

    @BothBackends
    void timeoutCancelsOnTheServer(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThatThrownBy(() -> ops.all(mine(ops).where("pg_sleep(3) IS NOT NULL").timeout(java.time.Duration.ofMillis(500))))
                .isInstanceOf(io.pgrecord.error.QueryCanceledException.class);
        assertThat(ops.count(mine(ops))).isEqualTo(4);
        assertThat(ops.count(mine(ops).timeout(java.time.Duration.ofSeconds(5)))).isEqualTo(4);
        assertThat(db.on(exec).fetchValue("SHOW statement_timeout")).isEqualTo("0");     // nothing leaks into the pool
        // inside a transaction the timed query runs in a savepoint, whose release would keep its
        // setting: it is put back, so the transaction's later statements have no timeout
        java.time.Duration timeout = java.time.Duration.ofSeconds(5);
        Object inTransaction = exec == Exec.JDBC
                ? db.blocking().transactionManager().inTransaction(() -> {
                    ((io.pgrecord.Query<?>) mine(ops).timeout(timeout)).count();
                    return db.blocking().dsl().fetchValue("SHOW statement_timeout");
                })
                : db.async().transactionManager().inTransaction(dsl -> ((io.pgrecord.AsyncQuery<?>) mine(ops).timeout(timeout)).count()
                        .then(reactor.core.publisher.Mono.from(dsl.resultQuery("SHOW statement_timeout")).map(r -> r.get(0))))
                        .blockLast(java.time.Duration.ofSeconds(30));
        assertThat(inTransaction).isEqualTo("0");
    }

    /** Every terminal, the stream's cursor included, runs under the query's timeout; none leaves it set. */
    @BothBackends
    void timeoutAppliesToEveryTerminal(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        java.time.Duration timeout = java.time.Duration.ofMillis(200);
        // each overruns the timeout on its first row; the writes' filter matches nothing (a row's value,
        // not a constant false, which the planner would fold away with the sleep)
        QueryBuilder<Model, ?> slow = mine(ops).where("slow(true)").timeout(timeout);
        QueryBuilder<Model, ?> slowNone = mine(ops).where("slow(score < 0)").timeout(timeout);
        Map<String, Runnable> terminals = new java.util.LinkedHashMap<>();
        terminals.put("all", () -> ops.all(slow));
        terminals.put("first", () -> ops.first(slow));
        terminals.put("one", () -> ops.one(slow));
        terminals.put("count", () -> ops.count(slow));
        terminals.put("exists", () -> ops.exists(slow));
        terminals.put("pluck", () -> ops.pluck(slow, "name", String.class));
        terminals.put("sum", () -> ops.sum(slow, "score"));
        terminals.put("avg", () -> ops.avg(slow, "score"));
        terminals.put("min", () -> ops.min(slow, "score"));
        terminals.put("max", () -> ops.max(slow, "score"));
        terminals.put("fetch", () -> ops.fetch(slow.select(NAME)));
        terminals.put("stream", () -> ops.streamAll(slow));
        terminals.put("updateAll", () -> ops.updateAll(slowNone, Map.of("score", 0)));
        terminals.put("deleteAll", () -> ops.deleteAll(slowNone));
        terminals.forEach((terminal, run) -> {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(run::run)).as(terminal)
                    .isInstanceOf(io.pgrecord.error.QueryCanceledException.class);
            // four rows at 0.6 s each would take longer: the server cancelled the statement
            assertThat(System.nanoTime()).as(terminal).isLessThan(deadline);
        });
        assertThat(ops.count(mine(ops))).isEqualTo(4);
        assertThat(ops.streamAll(mine(ops).timeout(java.time.Duration.ofSeconds(5)))).hasSize(4);
        assertThat(db.on(exec).fetchValue("SHOW statement_timeout")).isEqualTo("0");
    }

    /**
     * Inside a transaction a timed stream runs in a savepoint, as the other timed terminals do:
     * its setting is put back after it, and its failure leaves the transaction usable.
     */
    @BothBackends
    void timedStreamInsideATransaction(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        java.time.Duration timeout = java.time.Duration.ofMillis(200);
        QueryBuilder<Model, ?> fast = mine(ops).timeout(java.time.Duration.ofSeconds(5));
        QueryBuilder<Model, ?> slow = mine(ops).where("slow(true)").timeout(timeout);
        List<Object> seen;
        if (exec == Exec.JDBC) {
            seen = db.blocking().transactionManager().inTransaction(() -> {
                int rows = ops.streamAll(fast).size();
                Object after = db.blocking().dsl().fetchValue("SHOW statement_timeout");
                Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> ops.streamAll(slow));
                return List.of(rows, after, failed == null ? "no error" : failed.getClass(), ops.count(mine(ops)));
            });
        } else {
            var timed = (io.pgrecord.AsyncQuery<?>) (Object) fast;
            var overrun = (io.pgrecord.AsyncQuery<?>) (Object) slow;
            var untimed = (io.pgrecord.AsyncQuery<?>) (Object) mine(ops);
            seen = db.async().transactionManager().inTransaction(dsl -> timed.stream().count()
                    .flatMap(rows -> reactor.core.publisher.Mono.from(dsl.resultQuery("SHOW statement_timeout"))
                            .map(r -> List.of((Object) rows.intValue(), r.get(0))))
                    .flatMap(first -> overrun.stream().then(reactor.core.publisher.Mono.<Object>just("no error"))
                            .onErrorResume(e -> reactor.core.publisher.Mono.just(e.getClass()))
                            .flatMap(failed -> untimed.count().map(n -> List.of(first.get(0), first.get(1), failed, n)))))
                    .blockLast(java.time.Duration.ofSeconds(30));
        }
        assertThat(seen).containsExactly(4, "0", io.pgrecord.error.QueryCanceledException.class, 4L);
    }
}
