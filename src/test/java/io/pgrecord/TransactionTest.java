package io.pgrecord;

import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.TxOps.caught;
import static io.pgrecord.testing.TxOps.check;
import static io.pgrecord.testing.TxOps.fail;
import static io.pgrecord.testing.TxOps.nested;
import static io.pgrecord.testing.TxOps.release;
import static io.pgrecord.testing.TxOps.rollbackTo;
import static io.pgrecord.testing.TxOps.save;
import static io.pgrecord.testing.TxOps.savepoint;
import static io.pgrecord.testing.TxOps.sql;
import static io.pgrecord.testing.TxOps.swallowed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.ForeignKeyViolationException;
import io.pgrecord.error.ReadOnlyTransactionException;
import io.pgrecord.error.TransactionException;
import io.pgrecord.error.UniqueViolationException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.pgrecord.testing.TxOps;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transaction scenarios from issue 5, each one script run on both backends. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class TransactionTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
        db.execute("CREATE TABLE parents (id int PRIMARY KEY)",
                "CREATE TABLE children (id int PRIMARY KEY, parent_id int"
                        + " CONSTRAINT children_parent_fk REFERENCES parents(id) DEFERRABLE INITIALLY IMMEDIATE)");
    }

    private static List<Object> names(TestDatabase db, String prefix) {
        return db.query("SELECT name FROM users WHERE name LIKE '" + prefix + "%' ORDER BY name").stream()
                .map(r -> r.get(0)).toList();
    }

    /**
     * A failure the application catches inside a transaction aborts it all the same: the server
     * turns the COMMIT into a ROLLBACK, and pgrecord says so instead of returning as if committed.
     */
    @BothBackends
    void aCaughtFailureMakesTheCommitARollbackThatIsReported(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "swallowed-" + exec + "-";
        TxOps tx = TxOps.on(exec, db);
        assertThatThrownBy(() -> tx.run(save(ops.create("User", "name", p + "A")), swallowed(sql("SELECT 1 / 0"))))
                .isInstanceOf(TransactionException.class)
                .hasMessageContaining("rolled back, not committed");
        assertThat(names(db, p)).isEmpty();

        // rolled back to a savepoint, the failure is gone, and the transaction commits
        tx.run(save(ops.create("User", "name", p + "B")), savepoint("risky"), swallowed(sql("SELECT 1 / 0")),
                rollbackTo("risky"), save(ops.create("User", "name", p + "C")));
        assertThat(names(db, p)).containsExactly(p + "B", p + "C");
    }

    /**
     * A statement that failed and was caught inside a nested level: the level's end rolls back to
     * its savepoint and says so, and the transaction around it, which catches that, commits the
     * rest. The instances written inside the level go back as in any rolled-back level.
     */
    @BothBackends
    void aNestedLevelWithACaughtFailureRollsBackAloneAndTheRestCommits(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "level-caught-" + exec + "-";
        Model inner = ops.create("User", "name", p + "inner");
        ops.log().start();
        TxOps.on(exec, db).run(
                save(ops.create("User", "name", p + "before")),
                caught(nested(save(inner), swallowed(sql("SELECT 1 / 0"))), e -> assertThat(e)
                        .isInstanceOf(TransactionException.class).hasMessageContaining("rolled back, not committed")),
                check(() -> assertThat(inner.isNew()).as("written in the rolled-back level").isTrue()),
                save(ops.create("User", "name", p + "after")));
        List<String> sent = ops.log().stop();
        assertThat(names(db, p)).containsExactly(p + "after", p + "before");
        assertThat(sent).containsSubsequence("ROLLBACK TO SAVEPOINT \"pgrecord_level_1\"", "RELEASE SAVEPOINT \"pgrecord_level_1\"",
                "COMMIT");
    }

    /**
     * Rolling back to, or releasing, a savepoint made outside a nested level that is still open
     * would end the level's savepoint on the server too: refused before any SQL, naming the
     * level, and the level, the savepoint and the transaction all go on.
     */
    @BothBackends
    void aSavepointOutsideAnOpenNestedLevelIsRefusedInside(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "sp-outside-level-" + exec + "-";
        Consumer<RuntimeException> refused = e -> assertThat(e).isInstanceOf(TransactionException.class)
                .hasMessageContaining("finish the nested transaction pgrecord_level_1 first");
        ops.log().start();
        TxOps.on(exec, db).run(
                save(ops.create("User", "name", p + "A")),
                savepoint("before_level"),
                nested(save(ops.create("User", "name", p + "B")),
                        caught(rollbackTo("before_level"), refused),
                        caught(release("before_level"), refused),
                        save(ops.create("User", "name", p + "C"))),
                check(() -> assertThat(names(db, p)).isEmpty()),
                rollbackTo("before_level"),
                save(ops.create("User", "name", p + "D")));
        List<String> sent = ops.log().stop();
        assertThat(names(db, p)).containsExactly(p + "A", p + "D");
        assertThat(sent).filteredOn(sql -> sql.contains("\"before_level\""))
                .containsExactly("SAVEPOINT \"before_level\"", "ROLLBACK TO SAVEPOINT \"before_level\"");

        // not caught: the failure ends the transaction, rolled back, and the next one runs
        String q = "sp-outside-level-uncaught-" + exec + "-";
        assertThatThrownBy(() -> TxOps.on(exec, db).run(
                save(ops.create("User", "name", q + "A")),
                savepoint("sp"),
                nested(rollbackTo("sp"))))
                .isInstanceOf(TransactionException.class).hasMessageContaining("finish the nested transaction");
        TxOps.on(exec, db).run(save(ops.create("User", "name", q + "B")));
        assertThat(names(db, q)).containsExactly(q + "B");
    }

    /** A savepoint's name is one identifier, dots and quotes included. */
    @BothBackends
    void savepointNamesAreOneIdentifier(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "sp-names-" + exec + "-";
        ops.log().start();
        TxOps.on(exec, db).run(
                save(ops.create("User", "name", p + "A")),
                savepoint("dotted.name"),
                savepoint("quote\"d.x y"),
                save(ops.create("User", "name", p + "B")),
                rollbackTo("dotted.name"),
                release("dotted.name"),
                save(ops.create("User", "name", p + "C")));
        List<String> sent = ops.log().stop();
        assertThat(names(db, p)).containsExactly(p + "A", p + "C");
        assertThat(sent).contains("SAVEPOINT \"dotted.name\"", "SAVEPOINT \"quote\"\"d.x y\"",
                "ROLLBACK TO SAVEPOINT \"dotted.name\"", "RELEASE SAVEPOINT \"dotted.name\"");
    }

    @BothBackends
    void savepointRollbackKeepsTheRest(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "sp-" + exec + "-";
        TxOps.on(exec, db).run(
                save(ops.create("User", "name", p + "A")),
                savepoint("before_b"),
                save(ops.create("User", "name", p + "B")),
                rollbackTo("before_b"),
                save(ops.create("User", "name", p + "C")));
        assertThat(names(db, p)).containsExactly(p + "A", p + "C");
    }

    @BothBackends
    void nestedSavepointsRollBackInTurn(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "nest-" + exec + "-";
        TxOps.on(exec, db).run(
                save(ops.create("User", "name", p + "1")),
                savepoint("outer"),
                save(ops.create("User", "name", p + "2")),
                savepoint("inner"),
                save(ops.create("User", "name", p + "3")),
                rollbackTo("inner"),
                check(() -> assertThat(names(db, p)).isEmpty()),          // nothing visible outside before COMMIT
                save(ops.create("User", "name", p + "4")),
                rollbackTo("outer"),
                save(ops.create("User", "name", p + "5")),
                release("outer"));
        assertThat(names(db, p)).containsExactly(p + "1", p + "5");
    }

    @BothBackends
    void nestedTransactionsAreSavepoints(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "inner-" + exec + "-";
        RuntimeException boom = new IllegalStateException("inner failure");
        TxOps.on(exec, db).run(
                save(ops.create("User", "name", p + "outer")),
                nested(save(ops.create("User", "name", p + "kept"))),
                TxOps.nestedFailing(boom, save(ops.create("User", "name", p + "dropped")), fail(boom)));
        assertThat(names(db, p)).containsExactly(p + "kept", p + "outer");

        String q = "inner-fail-" + exec + "-";
        assertThatThrownBy(() -> TxOps.on(exec, db).run(
                save(ops.create("User", "name", q + "outer")),
                nested(save(ops.create("User", "name", q + "inner")), fail(boom))))
                .isSameAs(boom);
        assertThat(names(db, q)).isEmpty();
    }

    /**
     * Instances written in a transaction that rolls back go back to what they held before the
     * write, as Rails puts records back: a new one is new again, a changed one dirty again with
     * its version, so saving them again writes what the rollback undid.
     */
    @BothBackends
    void instancesWrittenInARolledBackTransactionGoBack(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "undo-" + exec + "-";
        Model changed = ops.insert("User", "name", p + "kept");
        Object version = get(changed, "lockVersion");
        Object updatedBefore = get(changed, "updatedAt");
        ModelOps.set(changed, "name", p + "renamed");
        Model fresh = ops.create("User", "name", p + "fresh");
        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> TxOps.on(exec, db).run(save(fresh), save(changed),
                check(() -> assertThat(fresh.isNew() || changed.isDirty()).isFalse()), fail(boom))).isSameAs(boom);
        assertThat(fresh.isNew()).isTrue();
        Object id = get(fresh, "id");
        Object createdAt = get(fresh, "createdAt");
        Object updatedAt = get(changed, "updatedAt");
        Object versionAfter = get(changed, "lockVersion");
        assertThat(id).isNull();
        // what planning the write set goes back too: a later save stamps its own time
        assertThat(createdAt).isNull();
        assertThat(updatedAt).isEqualTo(updatedBefore);
        assertThat(changed.dirtyFields()).containsExactly("name");
        assertThat(versionAfter).isEqualTo(version);
        assertThat(ops.save(fresh)).isEqualTo(1);
        assertThat(ops.save(changed)).isEqualTo(1);
        assertThat(names(db, p)).containsExactly(p + "fresh", p + "renamed");
    }

    /**
     * A write that fails outside any transaction puts back what planning it set: the timestamps
     * and version of a failed insert, so a retry stamps its own time (created_at = updated_at).
     */
    @BothBackends
    void aFailedWritePutsBackWhatItsPlanningSet(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "failed-" + exec + "-";
        ops.insert("User", "name", p + "first", "email", p + "taken");
        Model second = ops.create("User", "name", p + "second", "email", p + "taken");
        assertThatThrownBy(() -> ops.save(second)).isInstanceOf(UniqueViolationException.class);
        Object createdAt = get(second, "createdAt");
        Object version = get(second, "lockVersion");
        assertThat(second.isNew()).isTrue();
        assertThat(createdAt).isNull();
        assertThat(version).isNull();
        ModelOps.set(second, "email", p + "free");
        assertThat(ops.save(second)).isEqualTo(1);
        assertThat(db.queryValue("SELECT created_at = updated_at AND lock_version = 0 FROM users WHERE email = '" + p + "free'"))
                .isEqualTo(true);
    }

    /** A nested level or a savepoint rolled back puts back only the instances written inside it. */
    @BothBackends
    void aRolledBackLevelOrSavepointPutsBackWhatItWrote(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "undo-level-" + exec + "-";
        Model outer = ops.create("User", "name", p + "outer");
        Model inner = ops.create("User", "name", p + "inner");
        Model afterSavepoint = ops.create("User", "name", p + "savepoint");
        RuntimeException boom = new IllegalStateException("inner failure");
        TxOps.on(exec, db).run(
                save(outer),
                TxOps.nestedFailing(boom, save(inner), fail(boom)),
                check(() -> assertThat(List.of(outer.isNew(), inner.isNew())).containsExactly(false, true)),
                savepoint("sp"),
                save(afterSavepoint),
                rollbackTo("sp"),
                check(() -> assertThat(afterSavepoint.isNew()).isTrue()),
                save(inner));
        assertThat(List.of(outer.isNew(), inner.isNew(), afterSavepoint.isNew())).containsExactly(false, false, true);
        assertThat(names(db, p)).containsExactly(p + "inner", p + "outer");
    }

    @BothBackends
    void failureRollsBackAndRethrowsTheSameInstance(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "fail-" + exec + "-";
        RuntimeException boom = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> TxOps.on(exec, db).run(save(ops.create("User", "name", p + "x")), fail(boom)))
                .isSameAs(boom);
        assertThat(names(db, p)).isEmpty();
    }

    @BothBackends
    void readOnlyRejectsWritesButReads(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String p = "ro-" + exec + "-";
        ops.insert("User", "name", p + "existing");
        TxOps.on(exec, db).run(TransactionOptions.readOnly(), sql("SELECT count(*) FROM users"));
        assertThatThrownBy(() -> TxOps.on(exec, db).run(TransactionOptions.readOnly(),
                sql("SELECT count(*) FROM users"),
                save(ops.create("User", "name", p + "new"))))
                .isInstanceOf(ReadOnlyTransactionException.class);
        assertThat(names(db, p)).containsExactly(p + "existing");
    }

    @BothBackends
    void deferredForeignKeyIsCheckedAtCommit(Exec exec, TestDatabase db) {
        int id = exec == Exec.JDBC ? 10 : 20;
        TxOps tx = TxOps.on(exec, db);
        tx.run(new TxOps.DeferAll(),
                sql("INSERT INTO children VALUES (?, ?)", id, id),
                sql("INSERT INTO parents VALUES (?)", id));
        assertThat(db.queryValue("SELECT count(*) FROM children WHERE id = " + id)).isEqualTo(1L);

        int orphan = id + 1;
        assertThatThrownBy(() -> tx.run(new TxOps.DeferAll(),
                sql("INSERT INTO children VALUES (?, ?)", orphan, 999),
                check(() -> { })))                                         // the INSERT itself passes
                .isInstanceOf(ForeignKeyViolationException.class)
                .satisfies(e -> assertThat(((ForeignKeyViolationException) e).constraintName()).isEqualTo("children_parent_fk"));
        assertThat(db.queryValue("SELECT count(*) FROM children WHERE id = " + orphan)).isEqualTo(0L);

        // by name, plain or schema-qualified
        int named = id + 2;
        int qualified = id + 3;
        tx.run(TxOps.defer("children_parent_fk"),
                sql("INSERT INTO children VALUES (?, ?)", named, named),
                sql("INSERT INTO parents VALUES (?)", named));
        tx.run(TxOps.defer("public.children_parent_fk"),
                sql("INSERT INTO children VALUES (?, ?)", qualified, qualified),
                sql("INSERT INTO parents VALUES (?)", qualified));
        assertThat(db.queryValue("SELECT count(*) FROM children WHERE id IN (" + named + ", " + qualified + ")")).isEqualTo(2L);
    }
}
