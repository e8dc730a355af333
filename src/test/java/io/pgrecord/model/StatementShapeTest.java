package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.Model;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Model statements are rendered once per shape and reused with new values: each reuse must
 * bind the new values in the right places, and a different shape (other columns, other nulls,
 * other limits) must get its own SQL.
 */
@ExtendWith(PgExtension.class)
class StatementShapeTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
        db.execute("ALTER TABLE posts DROP CONSTRAINT posts_user_id_fkey");     // any user_id will do here
    }

    private static int shapes(ModelOps ops, String model) {
        return ModelMeta.of(ops.type(model)).shapes().size();
    }

    @BothBackends
    void oneQueryShapeServesDifferentValuesAndEachLimitHasItsOwn(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String title = "shape-" + exec;
        for (int v = 1; v <= 6; v++) {
            ops.insert("Post", "title", title, "views", v * 10);
        }
        List<List<Integer>> seen = new ArrayList<>();
        ops.log().start();
        for (int n = 1; n <= 3; n++) {
            List<Object> rows = ops.all(ops.query("Post").where("title = ? AND views >= ?", title, n * 10).orderBy("views").limit(n));
            seen.add(rows.stream().map(r -> (Integer) get(r, "views")).toList());
        }
        int before = shapes(ops, "Post");
        long direct = ModelMeta.of(ops.type("Post")).shapes().directCount();
        ops.all(ops.query("Post").where("title = ? AND views >= ?", title, 40).orderBy("views").limit(2));
        List<String> sql = ops.log().stop();

        assertThat(seen).containsExactly(List.of(10), List.of(20, 30), List.of(30, 40, 50));
        assertThat(sql).hasSize(4);
        assertThat(sql.get(0)).contains("1 rows only");      // the limit is written into the SQL
        assertThat(sql.get(3)).isEqualTo(sql.get(1)).contains("2 rows only");
        assertThat(shapes(ops, "Post")).as("a repeat of a known shape adds none").isEqualTo(before);
        assertThat(ModelMeta.of(ops.type("Post")).shapes().directCount())
                .as("plain columns and binds run without jOOQ").isEqualTo(direct).isGreaterThanOrEqualTo(3);
    }

    @BothBackends
    void findByIdRendersOnceAndReadsEachRow(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(get(ops.insert("Post", "title", "byid-" + exec + i, "views", i), "id"));
        }
        ops.log().start();
        List<String> titles = ids.stream().map(id -> (String) get(ops.getById("Post", id), "title")).toList();
        List<String> sql = ops.log().stop();

        assertThat(titles).containsExactly("byid-" + exec + 0, "byid-" + exec + 1, "byid-" + exec + 2);
        assertThat(sql).hasSize(3).allMatch(s -> s.equals(sql.get(0)));
        assertThat(ops.findById("Post", Long.MAX_VALUE)).isEmpty();
    }

    @BothBackends
    void insertsWithDifferentNullColumnsStoreExactlyWhatWasSet(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model onlyViews = ops.insert("Post", "title", "v", "views", 7);
        Model onlyUser = ops.insert("Post", "title", "u", "userId", 3L);
        Model both = ops.insert("Post", "title", "b", "userId", 4L, "views", 9);
        Model again = ops.insert("Post", "title", "a", "views", 8);

        assertThat(row(db, onlyViews)).containsExactly(null, 7);
        assertThat(row(db, onlyUser)).containsExactly(3L, 0);          // views left out: its default
        assertThat((Integer) get(onlyUser, "views")).isEqualTo(0);
        assertThat(row(db, both)).containsExactly(4L, 9);
        assertThat(row(db, again)).containsExactly(null, 8);
        assertThat((Integer) get(again, "views")).isEqualTo(8);
    }

    @BothBackends
    void updatesWriteOnlyTheirDirtyColumnsEachTime(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model a = ops.insert("Post", "title", "a", "userId", 1L, "views", 1);
        Model b = ops.insert("Post", "title", "b", "userId", 2L, "views", 2);
        db.execute("UPDATE posts SET views = 100 WHERE id = " + get(a, "id") + " OR id = " + get(b, "id"));

        set(a, "userId", 11L);
        ops.save(a);                    // SET user_id only: the 100 written behind its back stays
        set(b, "userId", 12L);
        ops.save(b);                    // same shape, other row and value
        set(a, "userId", null);
        ops.save(a);                    // same column, a null value now
        set(b, "views", 5);
        ops.save(b);                    // other column

        assertThat(row(db, a)).containsExactly(null, 100);
        assertThat(row(db, b)).containsExactly(12L, 5);
    }

    @BothBackends
    void includeSendsOneStatementForAnyNumberOfParents(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String title = "inc-" + exec;
        for (int p = 0; p < 3; p++) {
            Model post = ops.insert("Post", "title", title, "views", p);
            for (int c = 0; c < 2; c++) {
                ops.insert("Comment", "postId", get(post, "id"), "body", title + "/" + p + "/" + c);
            }
        }
        List<List<String>> bodies = new ArrayList<>();
        List<String> childSql = new ArrayList<>();
        for (int n = 2; n <= 3; n++) {
            ops.log().start();
            List<Object> posts = ops.all(ops.query("Post").where("title = ?", title).orderBy("views").limit(n).include("comments"));
            childSql.add(ops.log().stop().get(1));
            List<String> all = new ArrayList<>();
            for (Object post : posts) {
                ops.<Model>many(post, "comments").forEach(c -> all.add(get(c, "body")));
            }
            bodies.add(all);
        }

        assertThat(bodies.get(0)).containsExactly(title + "/0/0", title + "/0/1", title + "/1/0", title + "/1/1");
        assertThat(bodies.get(1)).hasSize(6).endsWith(title + "/2/0", title + "/2/1");
        assertThat(childSql.get(0)).as("keys bound as one array").containsIgnoringCase("any").isEqualTo(childSql.get(1));
    }

    private static List<Object> row(TestDatabase db, Model m) {
        return db.query("SELECT user_id, views FROM posts WHERE id = " + get(m, "id")).get(0);
    }
}
