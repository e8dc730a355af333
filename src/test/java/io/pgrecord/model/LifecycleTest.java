package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;

import io.pgrecord.Model;
import io.pgrecord.error.StaleRecordException;
import io.pgrecord.error.ValidationException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.pgrecord.testing.TxOps;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Optimistic locking, soft delete, hooks and validation. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class LifecycleTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
    }

    /**
     * A hook's exception comes out as the same instance on both backends, whatever its causes
     * (an IOException, a pgrecord exception) and even when it is checked and thrown undeclared;
     * the write is undone and the instance put back.
     */
    @BothBackends
    void aHooksExceptionComesOutUnchangedWhateverItsCauses(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Throwable> thrown = List.of(
                new java.io.UncheckedIOException("could not write the audit file", new java.io.IOException("disk full")),
                new IllegalStateException("a domain rule", new io.pgrecord.error.MappingException("from the application")),
                new IllegalStateException("another", new io.pgrecord.error.PgRecordException("wrapped", null)),
                new java.io.IOException("checked, thrown undeclared"));
        for (String hook : List.of("beforeSave", "afterSave", "afterInsert")) {
            for (Throwable t : thrown) {
                String owner = "Hook " + exec + " " + hook + " " + t.getClass().getSimpleName();
                Model a = ops.create("Account", "owner", owner, "balance", 1, "failIn", hook, "failWith", t);
                // Reactor's block() wraps a checked exception, which it cannot throw as it is
                Throwable out = reactor.core.Exceptions.unwrap(org.assertj.core.api.Assertions.catchThrowable(() -> ops.save(a)));
                assertThat(out).as(hook + " throwing " + t).isSameAs(t);
                assertThat(a.isNew()).as(hook + " throwing " + t).isTrue();
                assertThat(ModelOps.<Object>get(a, "id")).isNull();
                assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE owner = '" + owner + "'")).isEqualTo(0L);
            }
        }
    }

    @BothBackends
    void staleSaveIsRejectedAndNothingIsLost(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model u = ops.insert("User", "name", "Lock " + exec);
        Object id = get(u, "id");
        Model a = ops.getById("User", id);
        Model b = ops.getById("User", id);
        set(a, "name", "written by a");
        assertThat(ops.save(a)).isEqualTo(1);
        assertThat((Integer) get(a, "lockVersion")).isEqualTo(1);

        set(b, "name", "written by b");
        assertThatThrownBy(() -> ops.save(b)).isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("User").hasMessageContaining("version 0");
        assertThat(db.queryValue("SELECT name FROM users WHERE id = " + id)).isEqualTo("written by a");
        assertThat(db.queryValue("SELECT lock_version FROM users WHERE id = " + id)).isEqualTo(1);

        ops.refresh(b);
        set(b, "name", "written by b after reload");
        assertThat(ops.save(b)).isEqualTo(1);
        assertThat((Integer) get(b, "lockVersion")).isEqualTo(2);

        Model stale = ops.getById("User", id);
        db.execute("UPDATE users SET lock_version = lock_version + 1 WHERE id = " + id);
        assertThatThrownBy(() -> ops.delete(stale)).isInstanceOf(StaleRecordException.class);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE id = " + id)).isEqualTo(1L);
    }

    /**
     * A model from a select(...) projection without its version column has no version to lock
     * against, nor without its key a row to write: save and delete refuse before any SQL (the
     * version's IS NULL would be a false StaleRecordException), and say what to select.
     */
    @BothBackends
    void projectionWithoutTheVersionOrTheKeyRefusesToWrite(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Object id = get(ops.insert("User", "name", "Part " + exec), "id");
        String user = ops.type("User").getSimpleName();
        Model noVersion = ops.one(ops.<Model>query("User").where("id = ?", id).select(field("id"), field("name")));
        assertThat(noVersion.isDirty()).isFalse();
        set(noVersion, "name", "Part changed");
        Model noKey = ops.one(ops.<Model>query("User").where("id = ?", id).select(field("name"), field("lock_version")));
        set(noKey, "name", "Part changed");
        ops.log().start();
        assertThatThrownBy(() -> ops.save(noVersion)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(user + ".lockVersion (@Version) was not loaded").hasMessageContaining("select(...)")
                .hasMessageContaining("column lock_version").hasMessageContaining("refresh()");
        assertThatThrownBy(() -> ops.delete(noVersion)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(user + ".lockVersion (@Version) was not loaded");
        assertThatThrownBy(() -> ops.save(noKey)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(user + ".id (@Id) was not loaded").hasMessageContaining("column id");
        assertThat(ops.log().stop()).isEmpty();
        assertThat(db.query("SELECT name, lock_version FROM users WHERE id = " + id).get(0)).containsExactly("Part " + exec, 0);

        // with the version selected, or after refresh(), the lock holds as for a full read
        Model withVersion = ops.one(ops.<Model>query("User").where("id = ?", id)
                .select(field("id"), field("name"), field("lock_version")));
        set(withVersion, "name", "Part saved");
        assertThat(ops.save(withVersion)).isEqualTo(1);
        ops.refresh(noVersion);
        set(noVersion, "name", "Part refreshed");
        assertThat(ops.save(noVersion)).isEqualTo(1);
        assertThat(db.query("SELECT name, lock_version FROM users WHERE id = " + id).get(0)).containsExactly("Part refreshed", 2);
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void softDeleteFiltersAndRestores(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "soft " + exec;
        Model keep = ops.insert("Note", "body", tag + " keep");
        Model gone = ops.insert("Note", "body", tag + " gone");
        assertThat(ops.delete(gone)).isEqualTo(1);
        assertThat(db.queryValue("SELECT deleted_at IS NOT NULL FROM notes WHERE id = " + get(gone, "id"))).isEqualTo(true);

        var mine = ops.query("Note").where("body LIKE ?", tag + "%");
        assertThat(ops.all(mine)).extracting(n -> (String) get(n, "body")).containsExactly(tag + " keep");
        assertThat(ops.count(mine.withDeleted())).isEqualTo(2);
        assertThat(ops.all(mine.onlyDeleted())).extracting(n -> (String) get(n, "body")).containsExactly(tag + " gone");
        assertThat(ops.findById("Note", get(gone, "id"))).isEmpty();

        assertThat(ops.restore(gone)).isEqualTo(1);
        assertThat((Object) get(gone, "deletedAt")).isNull();
        assertThat(ops.count(mine)).isEqualTo(2);

        assertThat(ops.deleteAll(mine)).isEqualTo(2);
        assertThat(ops.count(mine)).isZero();
        assertThat(db.queryValue("SELECT count(*) FROM notes WHERE body LIKE '" + tag + "%'")).isEqualTo(2L);
        assertThat((Object) get(keep, "id")).isNotNull();
    }

    /** restore() is a write like the soft delete it undoes: it moves the version, and a stale instance is refused. */
    @BothBackends
    void restoreMovesTheVersionAndRefusesAStaleInstance(Exec exec, TestDatabase db) {
        db.execute("CREATE TABLE IF NOT EXISTS versioned_notes (id bigserial PRIMARY KEY, body text,"
                + " lock_version int NOT NULL DEFAULT 0, deleted_at timestamptz)");
        ModelOps ops = ModelOps.on(exec, db);
        Model note = ops.insert("VersionedNote", "body", "restore " + exec);
        Object id = get(note, "id");
        assertThat(ops.delete(note)).isEqualTo(1);
        assertThat((Integer) get(note, "lockVersion")).isEqualTo(1);
        assertThat(ops.restore(note)).isEqualTo(1);
        assertThat((Integer) get(note, "lockVersion")).isEqualTo(2);
        assertThat(db.query("SELECT lock_version, deleted_at IS NULL FROM versioned_notes WHERE id = " + id).get(0))
                .containsExactly(2, true);

        ops.delete(note);
        db.execute("UPDATE versioned_notes SET body = 'changed elsewhere', lock_version = lock_version + 1 WHERE id = " + id);
        assertThatThrownBy(() -> ops.restore(note)).isInstanceOf(StaleRecordException.class);
        assertThat(db.queryValue("SELECT deleted_at IS NOT NULL FROM versioned_notes WHERE id = " + id)).isEqualTo(true);
    }

    /** deleteAll marks only the rows not yet deleted: a deleted row keeps the time it was deleted at. */
    @BothBackends
    void deleteAllOfDeletedRowsKeepsTheirDeletionTime(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "redelete " + exec;
        Model gone = ops.insert("Note", "body", tag + " gone");
        ops.insert("Note", "body", tag + " live 1");
        ops.insert("Note", "body", tag + " live 2");
        ops.delete(gone);
        String deletedAt = "SELECT deleted_at::text FROM notes WHERE id = " + get(gone, "id");
        Object stamped = db.queryValue(deletedAt);
        assertThat(stamped).isNotNull();
        // deleting the marked instance again changes nothing, and sends nothing
        ops.log().start();
        assertThat(ops.delete(gone)).isZero();
        assertThat(ops.log().stop()).isEmpty();
        assertThat(db.queryValue(deletedAt)).isEqualTo(stamped);

        var mine = ops.query("Note").where("body LIKE ?", tag + "%");
        assertThat(ops.deleteAll(mine.onlyDeleted())).isZero();
        // through a subquery of keys too
        assertThat(ops.deleteAll(mine.onlyDeleted().orderBy("body").limit(2))).isZero();
        assertThat(db.queryValue(deletedAt)).isEqualTo(stamped);

        assertThat(ops.deleteAll(mine.withDeleted())).isEqualTo(2);
        assertThat(db.queryValue(deletedAt)).isEqualTo(stamped);
        assertThat(ops.count(mine)).isZero();
        assertThat(ops.count(mine.onlyDeleted())).isEqualTo(3);
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void hooksRunInOrder(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model a = ops.create("Account", "owner", "hooks " + exec, "balance", 5);
        ops.save(a);
        assertThat((List<String>) get(a, "calls")).containsExactly("beforeSave", "beforeInsert", "afterInsert", "afterSave");
        ((List<String>) get(a, "calls")).clear();
        set(a, "balance", 6);
        ops.save(a);
        assertThat((List<String>) get(a, "calls")).containsExactly("beforeSave", "beforeUpdate", "afterUpdate", "afterSave");
        Model loaded = ops.getById("Account", get(a, "id"));
        assertThat((List<String>) get(loaded, "calls")).containsExactly("afterLoad");
        ((List<String>) get(a, "calls")).clear();
        ops.delete(a);
        assertThat((List<String>) get(a, "calls")).containsExactly("beforeDelete", "afterDelete");
    }

    @BothBackends
    void beforeHookThatThrowsAbortsAndWritesNothing(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String owner = "abort " + exec;
        Model a = ops.create("Account", "owner", owner, "balance", 1, "failIn", "beforeInsert");
        ops.log().start();
        assertThatThrownBy(() -> ops.save(a)).isInstanceOf(IllegalStateException.class).hasMessage("hook beforeInsert refused");
        assertThat(ops.log().stop()).isEmpty();
        assertThat(a.isNew()).isTrue();
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE owner = '" + owner + "'")).isEqualTo(0L);

        set(a, "failIn", null);
        ops.save(a);
        set(a, "failIn", "beforeUpdate");
        set(a, "balance", 100);
        assertThatThrownBy(() -> ops.save(a)).isInstanceOf(IllegalStateException.class);
        assertThat(db.queryValue("SELECT balance FROM accounts WHERE id = " + get(a, "id"))).isEqualTo(1);
        set(a, "failIn", "beforeDelete");
        assertThatThrownBy(() -> ops.delete(a)).isInstanceOf(IllegalStateException.class);
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE id = " + get(a, "id"))).isEqualTo(1L);
    }

    /**
     * An after-hook that throws undoes the write, as Rails' after_save does: the statement ran in
     * a transaction of its own (a savepoint inside one), and the instance is as it was before.
     */
    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void afterHookThatThrowsUndoesTheWrite(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String owner = "after " + exec;
        Model a = ops.create("Account", "owner", owner, "balance", 1, "failIn", "afterSave");
        assertThatThrownBy(() -> ops.save(a)).isInstanceOf(IllegalStateException.class).hasMessage("hook afterSave refused");
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE owner = '" + owner + "'")).isEqualTo(0L);
        assertThat(a.isNew()).isTrue();
        assertThat((Object) get(a, "id")).isNull();

        set(a, "failIn", null);
        assertThat(ops.save(a)).isEqualTo(1);
        Object id = get(a, "id");
        set(a, "failIn", "afterUpdate");
        set(a, "balance", 100);
        assertThatThrownBy(() -> ops.save(a)).isInstanceOf(IllegalStateException.class).hasMessage("hook afterUpdate refused");
        assertThat(db.queryValue("SELECT balance FROM accounts WHERE id = " + id)).isEqualTo(1);
        assertThat(a.dirtyFields()).containsExactly("balance");
        set(a, "failIn", "afterDelete");
        assertThatThrownBy(() -> ops.delete(a)).isInstanceOf(IllegalStateException.class).hasMessage("hook afterDelete refused");
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE id = " + id)).isEqualTo(1L);
        assertThat(a.isNew()).isFalse();
        set(a, "failIn", null);
        assertThat(ops.save(a)).isEqualTo(1);
        assertThat(db.queryValue("SELECT balance FROM accounts WHERE id = " + id)).isEqualTo(100);

        // in bulk: one instance's hook fails, and no instance is written
        Model b = ops.create("Account", "owner", owner + " b", "balance", 2);
        Model c = ops.create("Account", "owner", owner + " c", "balance", 3, "failIn", "afterInsert");
        assertThatThrownBy(() -> ops.insertAll("Account", List.of(b, c))).isInstanceOf(IllegalStateException.class);
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE owner LIKE '" + owner + " %'")).isEqualTo(0L);
        assertThat(b.isNew()).isTrue();
        assertThat((Object) get(b, "id")).isNull();

        // inside a transaction the hook's failure rolls back to a savepoint: the rest commits
        Model d = ops.create("Account", "owner", owner + " d", "balance", 4);
        Model e = ops.create("Account", "owner", owner + " e", "balance", 5, "failIn", "afterSave");
        TxOps.on(exec, db).run(TxOps.save(d), TxOps.swallowed(TxOps.save(e)));
        assertThat(db.queryValue("SELECT string_agg(owner, ',') FROM accounts WHERE owner LIKE '" + owner + " %'"))
                .isEqualTo(owner + " d");
        assertThat(e.isNew()).isTrue();
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void failedValidationListsEveryMessageAndSendsNoSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model a = ops.create("Account", "owner", " ", "balance", -5);
        ops.log().start();
        assertThatThrownBy(() -> ops.save(a)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("owner must not be blank").hasMessageContaining("balance must not be negative")
                .satisfies(e -> assertThat(((ValidationException) e).errors().on("balance")).containsExactly("must not be negative"));
        assertThat(ops.log().stop()).isEmpty();
        assertThat((List<String>) get(a, "calls")).isEmpty();
        assertThat(db.queryValue("SELECT count(*) FROM accounts WHERE balance = -5")).isEqualTo(0L);
    }

    @BothBackends
    void beanValidationAnnotationsAreHonoured(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model bad = ops.create("Signup", "name", "", "email", "not-an-address", "code", "TOO-LONG");
        ops.log().start();
        assertThatThrownBy(() -> ops.save(bad)).isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    var errors = ((ValidationException) e).errors();
                    assertThat(errors.asMap()).containsOnlyKeys("name", "email", "code");
                });
        assertThat(ops.log().stop()).isEmpty();
        Model good = ops.create("Signup", "name", "Ann " + exec, "email", "ann@example.com", "code", "A1");
        assertThat(ops.save(good)).isEqualTo(1);
        assertThat(db.queryValue("SELECT count(*) FROM signups")).isNotEqualTo(0L);
    }
}
