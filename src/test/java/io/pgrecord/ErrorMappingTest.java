package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.error.CheckViolationException;
import io.pgrecord.error.DataException;
import io.pgrecord.error.DatabaseException;
import io.pgrecord.error.DeadlockException;
import io.pgrecord.error.ExclusionViolationException;
import io.pgrecord.error.ForeignKeyViolationException;
import io.pgrecord.error.LockNotAvailableException;
import io.pgrecord.error.NotNullViolationException;
import io.pgrecord.error.PgRecordException;
import io.pgrecord.error.QueryCanceledException;
import io.pgrecord.error.ReadOnlyTransactionException;
import io.pgrecord.error.SerializationFailureException;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.error.UniqueViolationException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each SQLSTATE class maps to its exception, with the server's fields, on both backends, through raw jOOQ. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class ErrorMappingTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute(
                "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL CONSTRAINT users_email_key UNIQUE,"
                        + " name text NOT NULL, age int CONSTRAINT users_age_check CHECK (age >= 0))",
                "CREATE TABLE posts (id int PRIMARY KEY, user_id int CONSTRAINT posts_user_id_fkey REFERENCES users(id))",
                "CREATE TABLE bookings (room int, during tsrange,"
                        + " CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&))",
                "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)",
                "INSERT INTO users VALUES (1, 'a@example.com', 'Ann', 30)",
                "INSERT INTO bookings VALUES (1, '[2024-01-01 10:00, 2024-01-01 12:00)')",
                "INSERT INTO accounts VALUES (1, 100), (2, 100)");
    }

    private static <E extends DatabaseException> E expect(Class<E> type, String sqlState, ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(type).isInstanceOf(PgRecordException.class).isInstanceOf(DataAccessException.class);
        E e = type.cast(thrown);
        assertThat(e.sqlState()).isEqualTo(sqlState);
        return e;
    }

    @BothBackends
    void uniqueViolation(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        UniqueViolationException e = expect(UniqueViolationException.class, "23505",
                () -> b.execute("INSERT INTO users VALUES (2, 'a@example.com', 'Bob', 1)"));
        assertThat(e.constraintName()).isEqualTo("users_email_key");
        assertThat(e.tableName()).isEqualTo("users");
        assertThat(e.schemaName()).isEqualTo("public");
        assertThat(e.detail()).contains("a@example.com");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("users_email_key").contains("23505");
    }

    @BothBackends
    void foreignKeyViolation(Exec exec, TestDatabase db) {
        ForeignKeyViolationException e = expect(ForeignKeyViolationException.class, "23503",
                () -> db.on(exec).execute("INSERT INTO posts VALUES (1, 999)"));
        assertThat(e.constraintName()).isEqualTo("posts_user_id_fkey");
        assertThat(e.tableName()).isEqualTo("posts");
    }

    /** A foreign key declared ON DELETE RESTRICT fails with 23001 (PostgreSQL 12 says 23503), a foreign key violation all the same. */
    @BothBackends
    void restrictViolationIsAForeignKeyViolation(Exec exec, TestDatabase db) {
        String p = "restrict_" + exec.name().toLowerCase();
        db.execute("CREATE TABLE " + p + "_parent (id int PRIMARY KEY)",
                "CREATE TABLE " + p + "_child (id int PRIMARY KEY, parent_id int REFERENCES " + p + "_parent ON DELETE RESTRICT)",
                "INSERT INTO " + p + "_parent VALUES (1)", "INSERT INTO " + p + "_child VALUES (1, 1)");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> db.on(exec).execute("DELETE FROM " + p + "_parent WHERE id = 1"));
        assertThat(thrown).isInstanceOf(ForeignKeyViolationException.class);
        ForeignKeyViolationException e = (ForeignKeyViolationException) thrown;
        assertThat(e.sqlState()).isIn("23001", "23503");
        assertThat(e.constraintName()).isEqualTo(p + "_child_parent_id_fkey");
    }

    @BothBackends
    void notNullViolation(Exec exec, TestDatabase db) {
        NotNullViolationException e = expect(NotNullViolationException.class, "23502",
                () -> db.on(exec).execute("INSERT INTO users (id, email) VALUES (3, 'c@example.com')"));
        assertThat(e.columnName()).isEqualTo("name");
        assertThat(e.tableName()).isEqualTo("users");
    }

    @BothBackends
    void checkViolation(Exec exec, TestDatabase db) {
        CheckViolationException e = expect(CheckViolationException.class, "23514",
                () -> db.on(exec).execute("INSERT INTO users VALUES (4, 'd@example.com', 'Dee', ?)", -1));
        assertThat(e.constraintName()).isEqualTo("users_age_check");
    }

    @BothBackends
    void exclusionViolation(Exec exec, TestDatabase db) {
        ExclusionViolationException e = expect(ExclusionViolationException.class, "23P01",
                () -> db.on(exec).execute("INSERT INTO bookings VALUES (2, '[2024-01-01 11:00, 2024-01-01 13:00)')"));
        assertThat(e.constraintName()).isEqualTo("bookings_no_overlap");
    }

    @BothBackends
    void serializationFailure(Exec exec, TestDatabase db) {
        SerializationFailureException e = expect(SerializationFailureException.class, "40001",
                () -> db.on(exec).transaction(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                        "SELECT balance FROM accounts WHERE id = 1",
                        (Runnable) () -> db.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1"),
                        "UPDATE accounts SET balance = balance - 1 WHERE id = 1"));
        assertThat(e.isRetryable()).isTrue();
    }

    @BothBackends
    void deadlock(Exec exec, TestDatabase db) throws Exception {
        try (Connection other = db.jdbc()) {
            other.setAutoCommit(false);
            int otherPid;
            try (Statement s = other.createStatement()) {
                s.execute("SET deadlock_timeout = '10s'");
                s.execute("SELECT * FROM accounts WHERE id = 2 FOR UPDATE");
                try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    otherPid = rs.getInt(1);
                }
            }
            CompletableFuture<Void> otherLocks = new CompletableFuture<>();
            // the other transaction waits for row 1 before ours asks for row 2, whatever the load:
            // ours then finds the cycle at its 1 s deadlock_timeout, long before the other's 10 s
            DeadlockException e = expect(DeadlockException.class, "40P01",
                    () -> db.on(exec).transaction(
                            "SET LOCAL deadlock_timeout = '1s'",
                            "SELECT * FROM accounts WHERE id = 1 FOR UPDATE",
                            (Runnable) () -> {
                                Thread.ofPlatform().start(() -> {
                                    try (Statement s = other.createStatement()) {
                                        s.execute("SELECT * FROM accounts WHERE id = 1 FOR UPDATE");
                                        otherLocks.complete(null);
                                    } catch (SQLException ex) {
                                        otherLocks.completeExceptionally(ex);
                                    }
                                });
                                awaitLockWait(db, otherPid);
                            },
                            "SELECT * FROM accounts WHERE id = 2 FOR UPDATE"));
            assertThat(e.isRetryable()).isTrue();
            otherLocks.get(30, TimeUnit.SECONDS);   // the other transaction won the lock once ours was aborted
            other.rollback();
        }
    }

    /** Returns once the backend waits for a lock; fails after 30 s. */
    private static void awaitLockWait(TestDatabase db, int pid) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"Lock".equals(db.queryValue("SELECT wait_event_type FROM pg_stat_activity WHERE pid = " + pid))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backend " + pid + " never waited for a lock");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @BothBackends
    void lockNotAvailable(Exec exec, TestDatabase db) throws Exception {
        try (Connection other = db.jdbc()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT * FROM accounts WHERE id = 1 FOR UPDATE");
            }
            expect(LockNotAvailableException.class, "55P03",
                    () -> db.on(exec).fetchValue("SELECT id FROM accounts WHERE id = 1 FOR UPDATE NOWAIT"));
            other.rollback();
        }
    }

    @BothBackends
    void queryCanceled(Exec exec, TestDatabase db) {
        expect(QueryCanceledException.class, "57014",
                () -> db.on(exec).transaction("SET LOCAL statement_timeout = 100", "SELECT pg_sleep(3)"));
    }

    @BothBackends
    void readOnlyTransaction(Exec exec, TestDatabase db) {
        expect(ReadOnlyTransactionException.class, "25006",
                () -> db.on(exec).transaction("SET TRANSACTION READ ONLY", "INSERT INTO accounts VALUES (9, 0)"));
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE id = 9")).isEqualTo(0L);
    }

    @BothBackends
    void dataExceptions(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        expect(DataException.class, "22P02", () -> b.fetchValue("SELECT 'abc'::int"));
        expect(DataException.class, "22012", () -> b.fetchValue("SELECT 1 / 0"));
        expect(DataException.class, "22003", () -> b.fetchValue("SELECT 2147483647::int + 1"));
    }

    @BothBackends
    void syntaxAndUnknownObjects(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        expect(SqlSyntaxException.class, "42601", () -> b.fetchValue("SELEC 1"));
        SqlSyntaxException missing = expect(SqlSyntaxException.class, "42P01", () -> b.fetchValue("SELECT * FROM no_such_table"));
        assertThat(missing.getMessage()).contains("no_such_table");
        expect(SqlSyntaxException.class, "42703", () -> b.fetchValue("SELECT no_such_column FROM users"));
    }
}
