package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.QueryBuilder;
import io.pgrecord.Relation;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lazy relations, their caches, and include() at one query per relation level. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class RelationsTest {

    /** Per exec: 30 users "rel-<exec>-NN", each with NN % 3 posts, each post with 2 comments; posts tagged. */
    @BeforeAll
    static void data(TestDatabase db) {
        Schema.create(db);
        db.execute("INSERT INTO tags (label) VALUES ('red'), ('green'), ('blue')");
        for (Exec e : Exec.values()) {
            String g = "rel-" + e.name().toLowerCase() + "-";
            db.execute("INSERT INTO users (name) SELECT '" + g + "' || lpad(i::text, 2, '0') FROM generate_series(1, 30) i",
                    "INSERT INTO posts (user_id, title) SELECT u.id, u.name || '/p' || j FROM users u,"
                            + " generate_series(1, 2) j WHERE u.name LIKE '" + g + "%' AND j <= substr(u.name, length(u.name) - 1)::int % 3",
                    "INSERT INTO comments (post_id, body) SELECT p.id, p.title || '/c' || k FROM posts p, generate_series(1, 2) k"
                            + " WHERE p.title LIKE '" + g + "%'",
                    "INSERT INTO profiles (user_id, bio) SELECT id, 'bio of ' || name FROM users WHERE name LIKE '" + g + "%'"
                            + " AND substr(name, length(name) - 1)::int % 2 = 0",
                    "INSERT INTO posts_tags SELECT p.id, t.id FROM posts p JOIN tags t ON t.label IN ('red', 'blue')"
                            + " WHERE p.title LIKE '" + g + "%'");
        }
    }

    private static QueryBuilder<Model, ?> users(ModelOps ops, int howMany) {
        return ops.<Model>query("User").where("name LIKE ?", "rel-" + ops.exec().name().toLowerCase() + "-%")
                .orderBy("name").limit(howMany);
    }

    @ParameterizedTest(name = "{0} with {1} parents")
    @CsvSource({"JDBC, 3", "JDBC, 30", "R2DBC, 3", "R2DBC, 30"})
    void includeCostsOneQueryPerRelationLevel(Exec exec, int parents, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        List<Model> loaded = ops.all(users(ops, parents).include("posts.comments", "profile"));
        List<String> sent = ops.log().stop();
        assertThat(loaded).hasSize(parents);
        assertThat(sent).hasSize(4);        // users, posts, comments, profiles

        ops.log().start();
        int posts = 0;
        int comments = 0;
        for (Model u : loaded) {
            String name = get(u, "name");
            int expectedPosts = Integer.parseInt(name.substring(name.length() - 2)) % 3;
            List<Model> userPosts = ops.many(u, "posts");
            assertThat(userPosts).hasSize(expectedPosts)
                    .allSatisfy(p -> assertThat((Long) get(p, "userId")).isEqualTo(get(u, "id")));
            posts += userPosts.size();
            for (Model p : userPosts) {
                List<Model> c = ops.many(p, "comments");
                assertThat(c).hasSize(2).allSatisfy(x -> assertThat((String) get(x, "body")).startsWith((String) get(p, "title")));
                comments += c.size();
            }
            Model profile = ops.single(u, "profile");
            boolean even = Integer.parseInt(name.substring(name.length() - 2)) % 2 == 0;
            assertThat(profile == null).isEqualTo(!even);
        }
        assertThat(ops.log().stop()).as("no query after include").isEmpty();
        assertThat(comments).isEqualTo(posts * 2);
    }

    @BothBackends
    void belongsToAndThroughIncludes(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        var posts = ops.<Model>query("Post").where("title LIKE ?", "rel-" + exec.name().toLowerCase() + "-%").orderBy("id");
        ops.log().start();
        List<Model> loaded = ops.all(posts.include("user", "tags"));
        assertThat(ops.log().stop()).hasSize(3);
        assertThat(loaded).isNotEmpty().allSatisfy(p -> {
            Model author = ops.single(p, "user");
            assertThat((Long) get(author, "id")).isEqualTo(get(p, "userId"));
            assertThat(ops.many(p, "tags")).extracting(t -> (String) get(t, "label")).containsExactly("red", "blue");
        });
    }

    @BothBackends
    void includeFillsEachCopyOfAParentReadTwiceWithItsOwnList(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String g = "rel-" + exec.name().toLowerCase() + "-";
        var twice = ops.<Model>query("User").where("name IN (?, ?)", g + "02", g + "05")
                .unionAll(ops.<Model>query("User").where("name = ?", g + "02"));
        List<Model> loaded = ops.all(twice.include("posts", "profile"));
        assertThat(loaded).extracting(u -> (String) get(u, "name")).containsExactlyInAnyOrder(g + "02", g + "05", g + "02");
        for (Model u : loaded) {
            assertThat(ops.<Model>many(u, "posts")).hasSize(2)
                    .allSatisfy(p -> assertThat((Long) get(p, "userId")).isEqualTo(get(u, "id")));
            Model profile = ops.single(u, "profile");
            assertThat(profile == null).isEqualTo(((String) get(u, "name")).endsWith("05"));
        }
        if (exec == Exec.JDBC) {
            List<Model> copies = loaded.stream().filter(u -> ((String) get(u, "name")).endsWith("02")).toList();
            List<Model> first = ops.many(copies.get(0), "posts");
            first.clear();
            assertThat(ops.<Model>many(copies.get(1), "posts")).as("the other copy's list").hasSize(2);
        }
    }

    @BothBackends
    @SuppressWarnings("cast") // the casts pick the overloads for generic reads
    void lazyRelationsLoadOnceUntilReset(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model user = ops.first(users(ops, 30).where("name LIKE ?", "%02")).orElseThrow();
        ops.log().start();
        assertThat(ops.many(user, "posts")).hasSize(2);
        assertThat(ops.many(user, "posts")).hasSize(2);
        assertThat(ops.log().stop()).hasSize(1);

        db.execute("INSERT INTO posts (user_id, title) VALUES (" + get(user, "id") + ", 'late post')");
        assertThat(ops.many(user, "posts")).hasSize(2);
        Relation<?> posts = get(user, "posts");
        posts.reset();
        assertThat(posts.isLoaded()).isFalse();
        assertThat(ops.many(user, "posts")).hasSize(3);
        db.execute("DELETE FROM posts WHERE title = 'late post'");
        // refresh() reloads the relations too, as Rails' reload does
        ops.refresh(user);
        assertThat(posts.isLoaded()).isFalse();
        assertThat(ops.many(user, "posts")).hasSize(2);

        var refined = (QueryBuilder<?, ?>) (exec == Exec.JDBC
                ? ((io.pgrecord.HasMany<?>) posts).query() : ((io.pgrecord.AsyncHasMany<?>) posts).query());
        assertThat(ops.count(refined.where("title LIKE ?", "%/p1"))).isEqualTo(1);
        // the relation orders by key only until the caller orders: "-id" is newest first
        List<Object> newestFirst = ops.pluck(refined.orderBy("-id"), "id", Object.class);
        assertThat(newestFirst).hasSize(2);
        assertThat(((Number) newestFirst.get(0)).longValue()).isGreaterThan(((Number) newestFirst.get(1)).longValue());

        Model post = ops.first(ops.<Model>query("Post").where("user_id = ?", (Object) get(user, "id"))).orElseThrow();
        assertThat((String) get(ops.single(post, "user"), "name")).isEqualTo(get(user, "name"));
        Model lonely = ops.first(users(ops, 30).where("name LIKE ?", "%03")).orElseThrow();
        assertThat(ops.many(lonely, "posts")).isEmpty();
        assertThat((Object) ops.single(lonely, "profile")).isNull();

        // the foreign key moved on: the cached owner is stale and loaded again, as in Rails
        ModelOps.set(post, "userId", get(lonely, "id"));
        assertThat((String) get(ops.single(post, "user"), "name")).isEqualTo(get(lonely, "name"));
        // a new owner has no children yet, whatever id it was given: nothing is queried
        Model unsaved = ops.create("User", "id", get(user, "id"));
        ops.log().start();
        assertThat(ops.many(unsaved, "posts")).isEmpty();
        assertThat(ops.log().stop()).isEmpty();
    }

    @BothBackends
    void unknownRelationIsRejectedBeforeSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> ops.all(users(ops, 3).include("posts.nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'").hasMessageContaining("comments");
        // a trailing dot names an empty relation
        assertThatThrownBy(() -> ops.all(users(ops, 3).include("posts."))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ops.log().stop()).isEmpty();
    }
}
