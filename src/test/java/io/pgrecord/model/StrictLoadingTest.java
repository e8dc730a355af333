package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Model;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.QueryBuilder;
import io.pgrecord.Relation;
import io.pgrecord.error.LazyLoadException;
import io.pgrecord.error.PgRecordException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Strict loading (per query, per backend, per model class) and the N+1 warning of default mode. */
@ExtendWith(PgExtension.class)
class StrictLoadingTest {

    /** Per exec: users "strict-<exec>-1..3", each with 2 posts, each post with 1 comment. */
    @BeforeAll
    static void data(TestDatabase db) {
        Schema.create(db);
        for (Exec e : Exec.values()) {
            String g = prefix(e);
            db.execute("INSERT INTO users (name) SELECT '" + g + "' || i FROM generate_series(1, 3) i",
                    "INSERT INTO posts (user_id, title) SELECT u.id, u.name || '/p' || j FROM users u, generate_series(1, 2) j"
                            + " WHERE u.name LIKE '" + g + "%'",
                    "INSERT INTO comments (post_id, body) SELECT p.id, p.title || '/c' FROM posts p WHERE p.title LIKE '" + g + "%'");
        }
    }

    private static String prefix(Exec exec) {
        return "strict-" + exec.name().toLowerCase() + "-";
    }

    private static <M> QueryBuilder<M, ?> users(ModelOps ops, QueryBuilder<M, ?> base) {
        return base.where("name LIKE ?", prefix(ops.exec()) + "%").orderBy("name");
    }

    private static String name(ModelOps ops, String model) {
        return ops.type(model).getSimpleName();
    }

    @BothBackends
    void aStrictQueryRaisesOnARelationItDidNotIncludeWithoutQuerying(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Model> users = ops.all(users(ops, ops.<Model>query("User")).strictLoading());
        assertThat(users).hasSize(3);
        ops.log().start();
        assertThatThrownBy(() -> ops.many(users.get(0), "posts"))
                .isInstanceOf(LazyLoadException.class).isInstanceOf(PgRecordException.class)
                .hasMessageContaining(name(ops, "User") + ".posts was not loaded")
                .hasMessageContaining("strict loading")
                .hasMessageContaining("include(\"posts\")");
        assertThatThrownBy(() -> ops.single(users.get(1), "profile"))
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining(name(ops, "User") + ".profile").hasMessageContaining("include(\"profile\")");
        assertThat(ops.log().stop()).as("strict mode sends nothing").isEmpty();

        // the finder's strictLoading() is the same mode
        Model first = ops.first(users(ops, ops.<Model>strictQuery("User"))).orElseThrow();
        assertThatThrownBy(() -> ops.many(first, "posts")).isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("include(\"posts\")");
        // and stream() carries it too
        List<Model> streamed = ops.streamAll(users(ops, ops.<Model>query("User")).strictLoading());
        assertThat(streamed).hasSize(3);
        assertThatThrownBy(() -> ops.single(streamed.get(2), "profile")).isInstanceOf(LazyLoadException.class)
                .hasMessageContaining(name(ops, "User") + ".profile");
    }

    @BothBackends
    void includeSatisfiesStrictModeAndTheIncludedRecordsAreStrictToo(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Model> users = ops.all(users(ops, ops.<Model>query("User")).strictLoading().include("posts"));
        ops.log().start();
        List<Model> posts = ops.many(users.get(0), "posts");
        assertThat(posts).hasSize(2).allSatisfy(p -> assertThat((Long) get(p, "userId")).isEqualTo(get(users.get(0), "id")));
        assertThatThrownBy(() -> ops.many(posts.get(0), "comments"))
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining(name(ops, "Post") + ".comments was not loaded")
                .hasMessageContaining("include(\"posts.comments\")");
        assertThat(ops.log().stop()).isEmpty();

        List<Model> deep = ops.all(users(ops, ops.<Model>query("User")).strictLoading().include("posts.comments"));
        ops.log().start();
        for (Model u : deep) {
            for (Model p : ops.<Model>many(u, "posts")) {
                assertThat(ops.<Model>many(p, "comments")).singleElement()
                        .satisfies(c -> assertThat((String) get(c, "body")).isEqualTo(get(p, "title") + "/c"));
            }
        }
        assertThat(ops.log().stop()).as("everything was included").isEmpty();
    }

    /** A null foreign key, or an owner not saved yet: empty at once, without a query, even in strict mode. */
    @BothBackends
    void nothingToLoadIsEmptyWithoutAQueryEvenWhenStrict(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String title = prefix(exec) + "orphan";
        db.execute("INSERT INTO posts (user_id, title) VALUES (NULL, '" + title + "')");
        Model orphan = ops.first(ops.<Model>query("Post").where("title = ?", title).strictLoading()).orElseThrow();
        Model fresh = ops.create("User", "name", prefix(exec) + "new");
        ops.log().start();
        assertThat(ops.<Model>single(orphan, "user")).isNull();
        assertThatThrownBy(() -> ops.many(orphan, "comments")).as("strict, with an id to load by").isInstanceOf(LazyLoadException.class);
        assertThat(ops.<Model>many(fresh, "posts")).isEmpty();
        assertThat(ops.<Model>single(fresh, "profile")).isNull();
        assertThat(ops.log().stop()).isEmpty();
    }

    @BothBackends
    void defaultModeStillLoadsLazily(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model user = ops.first(users(ops, ops.<Model>query("User"))).orElseThrow();
        ops.log().start();
        assertThat(ops.<Model>many(user, "posts")).hasSize(2);
        assertThat(ops.<Model>many(user, "posts")).as("cached").hasSize(2);
        assertThat(ops.log().stop()).hasSize(1);
    }

    @BothBackends
    void aStrictBackendRaisesForRecordsOfAnyQueryOrLookup(Exec exec, TestDatabase db) {
        onOwnBackend(exec, db.configBuilder().strictLoading(true).build(), ops -> {
            Model user = ops.first(users(ops, ops.<Model>query("User"))).orElseThrow();
            assertThatThrownBy(() -> ops.many(user, "posts")).isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining(name(ops, "User") + ".posts").hasMessageContaining("include(\"posts\")");
            Model byId = ops.getById("User", get(user, "id"));
            assertThatThrownBy(() -> ops.many(byId, "posts")).isInstanceOf(LazyLoadException.class);

            Model included = ops.first(users(ops, ops.<Model>query("User")).include("posts")).orElseThrow();
            assertThat(ops.<Model>many(included, "posts")).hasSize(2);
        });
        ModelOps shared = ModelOps.on(exec, db);
        assertThat(shared.<Model>many(shared.getById("User", firstUserId(exec, db)), "posts")).as("other backends stay lazy").hasSize(2);
    }

    @BothBackends
    void aStrictModelClassRaisesWhereverItsRecordsComeFrom(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model user = ops.getById("StrictUser", firstUserId(exec, db));
        assertThatThrownBy(() -> ops.many(user, "posts")).isInstanceOf(LazyLoadException.class)
                .hasMessageContaining(name(ops, "StrictUser") + ".posts was not loaded")
                .hasMessageContaining("include(\"posts\")");
        Model included = ops.first(users(ops, ops.<Model>query("StrictUser")).include("posts")).orElseThrow();
        assertThat(ops.<Model>many(included, "posts")).hasSize(2);
        // its posts are not strict: the mode is the class's, not the query's
        assertThat(ops.<Model>many(ops.<Model>many(included, "posts").get(0), "comments")).hasSize(1);
    }

    @BothBackends
    void nPlusOneWarnsOnceNamingTheIncludeWhenRecordsOfOneQueryLoadTheSameRelation(Exec exec, TestDatabase db) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.pgrecord.loading");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            onOwnBackend(exec, db.configBuilder().nPlusOneThreshold(3).build(), ops -> {
                String relation = " " + name(ops, "User") + ".posts ";
                List<Model> users = ops.all(users(ops, ops.<Model>query("User")));
                ops.many(users.get(0), "posts");
                ops.many(users.get(1), "posts");
                assertThat(warnings(captured, relation)).as("below the threshold").isEmpty();
                for (int i = 0; i < 3; i++) {
                    ((Relation<?>) get(users.get(1), "posts")).reset();
                    ops.many(users.get(1), "posts");
                }
                assertThat(warnings(captured, relation)).as("one record reloading its relation counts once").isEmpty();
                ops.many(users.get(2), "posts");
                assertThat(warnings(captured, relation)).singleElement().satisfies(w -> {
                    assertThat(w.getLevel()).isEqualTo(Level.WARN);
                    assertThat(w.getFormattedMessage()).contains("N+1", "for 3 records of one query", "include(\"posts\")");
                });
                ((Relation<?>) get(users.get(0), "posts")).reset();
                ops.many(users.get(0), "posts");
                assertThat(warnings(captured, relation)).as("once per query and relation").hasSize(1);

                List<Model> included = ops.all(users(ops, ops.<Model>query("User")).include("posts"));
                included.forEach(u -> ops.many(u, "posts").forEach(p -> ops.many(p, "comments")));
                assertThat(warnings(captured, " " + name(ops, "Post") + ".comments ")).as("the included posts are one query's")
                        .singleElement().satisfies(w -> assertThat(w.getFormattedMessage()).contains("include(\"posts.comments\")"));
                assertThat(warnings(captured, relation)).as("included: nothing lazy").hasSize(1);
            });
            // the shared backend leaves the warning off
            ModelOps plain = ModelOps.on(exec, db);
            plain.all(users(plain, plain.<Model>query("User"))).forEach(u -> plain.many(u, "posts"));
            assertThat(warnings(captured, " " + name(plain, "User") + ".posts ")).hasSize(1);
        } finally {
            logger.detachAppender(captured);
        }
    }

    @Test
    void aNegativeThresholdIsRefusedNamingTheSetting(TestDatabase db) {
        assertThatThrownBy(() -> db.configBuilder().nPlusOneThreshold(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nPlusOneThreshold -1").hasMessageContaining("0 (off) or more");
        assertThat(db.configBuilder().strictLoading(true).nPlusOneThreshold(5).build().toBuilder().build())
                .satisfies(c -> {
                    assertThat(c.strictLoading()).isTrue();
                    assertThat(c.nPlusOneThreshold()).isEqualTo(5);
                });
    }

    private static List<ILoggingEvent> warnings(ListAppender<ILoggingEvent> appender, String relation) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getFormattedMessage().contains(relation)).toList();
        }
    }

    private static Object firstUserId(Exec exec, TestDatabase db) {
        return db.queryValue("SELECT min(id) FROM users WHERE name LIKE '" + prefix(exec) + "%'");
    }

    /** Runs the scenario on a backend of its own, built from the config. */
    private static void onOwnBackend(Exec exec, PostgresConnectionConfig config, Consumer<ModelOps> scenario) {
        if (exec == Exec.JDBC) {
            try (PostgresBackend backend = new PostgresBackend(config)) {
                scenario.accept(ModelOps.with(backend));
            }
        } else {
            try (AsyncPostgresBackend backend = new AsyncPostgresBackend(config)) {
                scenario.accept(ModelOps.with(backend));
            }
        }
    }
}
