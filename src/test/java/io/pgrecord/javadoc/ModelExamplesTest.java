package io.pgrecord.javadoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AdvisoryLock;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.AsyncTransactionManager;
import io.pgrecord.Capability;
import io.pgrecord.Pg;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import io.pgrecord.StatementLog;
import io.pgrecord.Transaction;
import io.pgrecord.TransactionManager;
import io.pgrecord.TransactionOptions;
import io.pgrecord.Upsert;
import io.pgrecord.error.UniqueViolationException;
import io.pgrecord.error.ValidationException;
import io.pgrecord.types.TsQuery;
import io.pgrecord.types.TsVector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Javadoc examples of the models, queries, transactions and backends: each region is what
 * a class's Javadoc shows ({@code {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=...}}),
 * so the examples are compiled and run.
 */
class ModelExamplesTest extends PerTestDatabase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static User user(String name, String email) {
        User user = new User();
        user.name = name;
        user.email = email;
        return user;
    }

    private static Account account(String login, int balance) {
        Account account = new Account();
        account.login = login;
        account.passwordHash = "$2b$12$secret";
        account.balance = balance;
        return account;
    }

    /** Moves money between two accounts, in the caller's transaction. */
    private static void transfer(Account from, Account to, int amount) {
        from.balance -= amount;
        to.balance += amount;
        from.save();
        to.save();
    }

    /** The reactive twin of {@link #transfer(Account, Account, int)}, through raw jOOQ. */
    private static Publisher<Integer> transfer(DSLContext dsl, long from, long to, int amount) {
        Field<Long> id = DSL.field(DSL.name("id"), Long.class);
        Field<Integer> balance = DSL.field(DSL.name("balance"), Integer.class);
        return Flux.concat(
                dsl.update(DSL.table(DSL.name("accounts"))).set(balance, balance.minus(amount)).where(id.eq(from)),
                dsl.update(DSL.table(DSL.name("accounts"))).set(balance, balance.plus(amount)).where(id.eq(to)));
    }

    @Test
    void finderAndStatementLog() {
        usersAndPosts();
        // @start region="finder"
        User.find.insertAll(List.of(new User(), new User()));
        Optional<User> u = User.find.findById(1L);
        List<User> unnamed = User.find.where("name IS NULL").all();
        // @end
        assertThat(u).isPresent();
        assertThat(unnamed).hasSize(2);

        Post post = new Post();
        post.userId = u.orElseThrow().id;
        post.title = "hello";
        post.save();
        // @start region="statement-log"
        StatementLog log = backend.statementLog();
        log.start();
        User.find.query().include("posts").all();
        List<String> sent = log.stop();     // two statements, however many users
        // @end
        assertThat(sent).hasSize(2);
    }

    @Test
    void relations() {
        usersAndPosts();
        User user = user("Ann", null);
        user.save();
        for (String title : List.of("one", "two", "three")) {
            Post p = new Post();
            p.userId = user.id;
            p.title = title;
            p.save();
        }
        Post post = Post.find.query().orderBy("id").first().orElseThrow();
        // @start region="has-many"
        // in User: public final HasMany<Post> posts = hasMany(Post.class);   posts.user_id
        List<Post> all = user.posts.get();                                  // loads once, then cached
        List<Post> recent = user.posts.query().orderBy("-id").limit(2).all();
        // @end
        // @start region="has-one"
        // in User: public final HasOne<Profile> profile = hasOne(Profile.class);   profiles.user_id
        Profile p = user.profile.get();                                     // null when there is none
        // @end
        // @start region="belongs-to"
        // in Post: public final BelongsTo<User> user = belongsTo(User.class);   posts.user_id
        User author = post.user.get();                                      // null when user_id is null
        // @end
        assertThat(all).extracting(x -> x.title).containsExactlyInAnyOrder("one", "two", "three");
        assertThat(recent).extracting(x -> x.title).containsExactly("three", "two");
        assertThat(p).isNull();
        assertThat(author.name).isEqualTo("Ann");
    }

    @Test
    void queriesAndUpserts() {
        usersAndPosts();
        User ann = user("Ann", "ann@example.org");
        ann.metadata = Map.of("role", "admin");
        ann.save();
        // @start region="query"
        List<User> admins = User.find.where("metadata->>'role' = ?", "admin")
                .orderBy("-id", "name").limit(20).all();
        // @end
        assertThat(admins).extracting(x -> x.name).containsExactly("Ann");

        User user = user("Ann Again", "ann@example.org");
        List<User> users = List.of(user("Bob", "bob@example.org"));
        // @start region="upsert"
        user.upsert(Upsert.on("email"));                                     // DO UPDATE SET <other cols> = EXCLUDED.<col>
        user.upsert(Upsert.on("email").doNothing());                         // keep the existing row
        user.upsert(Upsert.onConstraint("users_email_key").set("name"));     // update only name
        user.upsert(Upsert.on("email").where("is_active").updateWhere(DSL.condition("users.lock_version < 5")));
        User.find.upsertAll(users, Upsert.on("email"));
        // @end
        assertThat(db.query("SELECT name FROM users ORDER BY id")).containsExactly(List.of("Ann Again"), List.of("Bob"));
    }

    @Test
    void reactiveFindersAndQueries() {
        usersAndPosts();
        db.execute("INSERT INTO users (name, metadata) VALUES ('Ann', '{\"role\": \"admin\"}'), ('Bob', null)");
        AsyncActiveRecord.configure(db.async(), AsyncUser.class);
        // @start region="async-finder"
        Mono<AsyncUser> u = AsyncUser.find.findById(1L);         // empty when absent
        Flux<AsyncUser> all = AsyncUser.find.findAll();
        // @end
        // @start region="async-query"
        Flux<AsyncUser> admins = AsyncUser.find.where("metadata->>'role' = ?", "admin").orderBy("name").all();
        // @end
        assertThat(u.block(WAIT).name).isEqualTo("Ann");
        assertThat(all.collectList().block(WAIT)).hasSize(2);
        assertThat(admins.map(x -> x.name).collectList().block(WAIT)).containsExactly("Ann");
    }

    @Test
    void validationAndServerErrors() {
        usersAndPosts();
        assertThatThrownBy(user("Nobody", "nobody")::save).isInstanceOf(ValidationException.class)
                .hasMessageContaining("must contain @");
        user("Ann", "ann@example.org").save();
        User user = user("Ann's twin", "ann@example.org");
        List<String> told = new ArrayList<>();
        // @start region="unique-violation"
        try {
            user.save();
        } catch (UniqueViolationException e) {
            if ("users_email_key".equals(e.constraintName())) {
                told.add("the e-mail address is taken");
            }
        }
        // @end
        assertThat(told).containsExactly("the e-mail address is taken");
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void sensitiveFieldsAreMaskedInToString() {
        usersAndPosts();
        Account ann = account("ann", 100);
        ann.save();
        assertThat(ann).hasToString("Account{id=" + ann.id + ", login=ann, passwordHash=***, balance=100}");
    }

    @Test
    void transactions() {
        usersAndPosts();
        Account a = account("a", 100);
        Account b = account("b", 0);
        User.find.insertAll(List.of(user("Ann", null)));
        // @start region="transaction-manager"
        TransactionManager tm = backend.transactionManager();
        tm.inTransaction(() -> { a.save(); b.save(); });                  // commit; rollback + rethrow on exception
        User u = tm.inTransaction(() -> User.find.getById(1L));
        tm.inTransaction(TransactionOptions.serializable().retries(5), () -> transfer(a, b, 10));
        // @end
        assertThat(u.name).isEqualTo("Ann");
        assertThat(db.query("SELECT balance FROM accounts ORDER BY id")).containsExactly(List.of(90), List.of(10));

        Account c = account("c", 1);
        Account d = account("d", 2);
        // @start region="transaction"
        try (Transaction tx = tm.begin()) {
            c.save();
            d.save();
            tx.commit();
        }
        // @end
        assertThat(count("SELECT count(*) FROM accounts")).isEqualTo(4);

        List<Account> accounts;
        // @start region="transaction-options"
        tm.inTransaction(TransactionOptions.serializable().retries(5), () -> transfer(a, b, 10));
        try (Transaction tx = tm.begin(TransactionOptions.readOnly())) {
            accounts = Account.find.findAll();
            tx.commit();
        }
        // @end
        assertThat(accounts).hasSize(4);
    }

    @Test
    void retryOnStale() {
        db.execute("CREATE TABLE counters (id bigint PRIMARY KEY, value bigint NOT NULL, lock_version integer NOT NULL DEFAULT 0)",
                "INSERT INTO counters (id, value) VALUES (1, 0)");
        ActiveRecord.configure(backend, Counter.class);
        TransactionManager tm = backend.transactionManager();
        long id = 1;
        // @start region="retry-on-stale"
        TransactionOptions optimistic = TransactionOptions.defaults().retries(20).retryOnStale(true);
        tm.inTransaction(optimistic, () -> {
            Counter c = Counter.find.getById(id);     // re-read on every attempt
            c.value++;
            c.save();                                 // StaleRecordException: rolled back, paused, run again
        });
        // @end
        assertThat(db.queryValue("SELECT value FROM counters")).isEqualTo(1L);
    }

    @Test
    void reactiveTransactions() {
        usersAndPosts();
        AsyncPostgresBackend async = db.async();
        AsyncActiveRecord.configure(async, AsyncUser.class);
        AsyncUser a = new AsyncUser();
        a.name = "kept";
        AsyncUser b = new AsyncUser();
        b.name = "rolled back";
        // @start region="async-transaction"
        tm(async).begin().flatMap(tx -> tx.run(() -> a.save())
                .then(tx.savepoint())
                .flatMap(sp -> tx.run(() -> b.save()).then(tx.rollbackToSavepoint(sp)))
                .then(tx.commit())
                .onErrorResume(e -> tx.rollback().then(Mono.error(e))))
            .block();
        // @end
        assertThat(db.query("SELECT name FROM users")).containsExactly(List.of("kept"));

        db.execute("INSERT INTO accounts (login, balance) VALUES ('a', 100), ('b', 0)");
        AsyncUser c = new AsyncUser();
        c.name = "c";
        AsyncUser d = new AsyncUser();
        d.name = "d";
        // @start region="async-transaction-manager"
        AsyncTransactionManager tm = async.transactionManager();
        Flux<Integer> saved = tm.inTransaction(() -> c.save().then(d.save()));   // emits after COMMIT
        tm.inTransaction(TransactionOptions.serializable().retries(5), dsl -> transfer(dsl, 1, 2, 10)).blockLast();
        // @end
        assertThat(saved.collectList().block(WAIT)).containsExactly(1);
        assertThat(count("SELECT count(*) FROM users WHERE name IN ('c', 'd')")).isEqualTo(2);
        assertThat(db.query("SELECT balance FROM accounts ORDER BY id")).containsExactly(List.of(90), List.of(10));
    }

    private static AsyncTransactionManager tm(AsyncPostgresBackend async) {
        return async.transactionManager();
    }

    @Test
    void advisoryLock() {
        // @start region="advisory-lock"
        try (AdvisoryLock lock = backend.advisoryLock(42L)) {
            // only one holder of key 42 across all sessions runs this
            assertThat(backend.tryAdvisoryLock(lock.key())).isEmpty();   // another pooled session is refused
        }
        // @end
        assertThat(backend.tryAdvisoryLock(42L).map(held -> {
            held.close();
            return true;
        })).contains(true);
    }

    @Test
    void serverVersionAndCapabilities() {
        boolean merge = false;
        // @start region="capabilities"
        if (backend.capabilities().supports(Capability.MERGE)) {
            merge = true;                         // use MERGE
        }
        // @end
        boolean fifteen = false;
        // @start region="server-version"
        ServerVersion v = backend.serverVersion();
        if (v.isAtLeast(15)) {
            fifteen = true;                       // MERGE is available
        }
        // @end
        assertThat(merge).isEqualTo(fifteen);
    }

    @Test
    void backends() {
        PostgresConnectionConfig config = db.config();
        // @start region="backend"
        try (PostgresBackend blocking = new PostgresBackend(config)) {
            ServerVersion v = blocking.serverVersion();
            boolean merge = blocking.capabilities().supports(Capability.MERGE);
            int one = blocking.dsl().fetchValue(DSL.select(DSL.inline(1)));
            assertThat(merge).isEqualTo(v.isAtLeast(15));
            assertThat(one).isEqualTo(1);
        }
        // @end
        // @start region="async-backend"
        AsyncPostgresBackend async = new AsyncPostgresBackend(config);
        async.connect().block();
        Integer one = Mono.from(async.dsl().select(DSL.inline(1))).map(r -> r.value1()).block();
        async.close();
        // @end
        assertThat(one).isEqualTo(1);
    }

    @Test
    void configuration() {
        // @start region="config"
        PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                .host("localhost").port(5432).database("mydb")
                .username("user").password("password")
                .option("sslmode", "prefer")
                .option("application_name", "my_app")
                .option("statement_timeout", Duration.ofSeconds(5))
                .poolMaxSize(10)
                .build();
        // @end
        assertThat(config.poolMaxSize()).isEqualTo(10);
        assertThat(config.database()).isEqualTo("mydb");
    }

    @Test
    void postgresOperatorsInJooq() {
        db.execute("CREATE TABLE docs (id integer PRIMARY KEY, doc jsonb, tags varchar[], body text)",
                "INSERT INTO docs VALUES (1, '{\"kind\": \"db\", \"tags\": 1}', '{sql}', 'the quick brown fox'),"
                        + " (2, '{\"kind\": \"db\"}', '{sql}', 'the quick brown fox')");
        DSLContext dsl = backend.dsl();
        // @start region="pg"
        Field<Integer> id = DSL.field(DSL.name("id"), Integer.class);
        Field<JSONB> doc = DSL.field(DSL.name("doc"), SQLDataType.JSONB);
        Field<String[]> tags = DSL.field(DSL.name("tags"), SQLDataType.VARCHAR.array());
        Field<String> body = DSL.field(DSL.name("body"), String.class);
        Field<TsVector> text = Pg.toTsVector("english", body);
        Field<TsQuery> query = Pg.websearchToTsQuery("english", "quick fox");
        Select<Record1<Integer>> select = dsl.select(id).from(DSL.table(DSL.name("docs")))
                .where(Pg.contains(doc, Map.of("kind", "db")))   // doc @> '{"kind":"db"}'
                .and(Pg.hasKey(doc, "tags"))                      // doc ? 'tags'
                .and(DSL.val("sql").eq(Pg.any(tags)))             // 'sql' = any(tags)
                .and(Pg.match(text, query))                       // to_tsvector(...) @@ websearch_to_tsquery(...)
                .orderBy(Pg.tsRank(text, query).desc());
        // @end
        assertThat(select.fetch(id)).containsExactly(1);
    }
}
