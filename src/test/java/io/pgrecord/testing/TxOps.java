package io.pgrecord.testing;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.AsyncTransactionManager;
import io.pgrecord.Model;
import io.pgrecord.PostgresBackend;
import io.pgrecord.Savepoint;
import io.pgrecord.TransactionManager;
import io.pgrecord.TransactionOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one transaction script on either backend: blocking through {@link TransactionManager},
 * or as one reactive chain through {@link AsyncTransactionManager}, every step subscribed
 * inside the transaction's context (a blocking call there would leave it).
 */
public final class TxOps {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One step of a script. */
    public sealed interface Step permits Save, Sql, MakeSavepoint, RollbackTo, Release, DeferAll, Defer, Check, Fail, Nested, NestedFailing, Swallowed,
            Caught {
    }

    public record Save(Model model) implements Step {
    }

    public record Sql(String sql, Object... binds) implements Step {
    }

    public record MakeSavepoint(String name) implements Step {
    }

    public record RollbackTo(String name) implements Step {
    }

    public record Release(String name) implements Step {
    }

    public record DeferAll() implements Step {
    }

    /** {@code deferConstraints(names)}. */
    public record Defer(List<String> names) implements Step {
    }

    /** A side effect between statements, e.g. a check through another connection. */
    public record Check(Runnable check) implements Step {
    }

    public record Fail(RuntimeException error) implements Step {
    }

    /** A nested transaction (a savepoint) running its own steps. */
    public record Nested(List<Step> steps) implements Step {
    }

    /** A nested transaction that must fail with exactly {@code expected}; the outer one goes on. */
    public record NestedFailing(RuntimeException expected, List<Step> steps) implements Step {
    }

    /** A step whose server error the application catches and ignores, in the same transaction. */
    public record Swallowed(Step step) implements Step {
    }

    /** A step that must fail; {@code check} looks at its error, and the transaction goes on. */
    public record Caught(Step step, Consumer<RuntimeException> check) implements Step {
    }

    public static Step caught(Step step, Consumer<RuntimeException> check) {
        return new Caught(step, check);
    }

    public static Step defer(String... names) {
        return new Defer(Arrays.asList(names));
    }

    public static Step swallowed(Step step) {
        return new Swallowed(step);
    }

    public static Step nestedFailing(RuntimeException expected, Step... steps) {
        return new NestedFailing(expected, Arrays.asList(steps));
    }

    public static Step save(Model m) {
        return new Save(m);
    }

    public static Step sql(String sql, Object... binds) {
        return new Sql(sql, binds);
    }

    public static Step savepoint(String name) {
        return new MakeSavepoint(name);
    }

    public static Step rollbackTo(String name) {
        return new RollbackTo(name);
    }

    public static Step release(String name) {
        return new Release(name);
    }

    public static Step check(Runnable r) {
        return new Check(r);
    }

    public static Step fail(RuntimeException e) {
        return new Fail(e);
    }

    public static Step nested(Step... steps) {
        return new Nested(Arrays.asList(steps));
    }

    private final Exec exec;
    private final PostgresBackend blocking;
    private final AsyncPostgresBackend async;

    private TxOps(Exec exec, PostgresBackend blocking, AsyncPostgresBackend async) {
        this.exec = exec;
        this.blocking = blocking;
        this.async = async;
    }

    public static TxOps on(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? new TxOps(exec, db.blocking(), null) : new TxOps(exec, null, db.async());
    }

    public Exec exec() {
        return exec;
    }

    /** Runs the steps in one transaction: committed when they all pass, rolled back on the first failure. */
    public void run(TransactionOptions options, Step... steps) {
        Map<String, Savepoint> savepoints = new ConcurrentHashMap<>();
        if (exec == Exec.JDBC) {
            TransactionManager tm = blocking.transactionManager();
            tm.inTransaction(options, () -> runBlocking(tm, Arrays.asList(steps), savepoints));
        } else {
            AsyncTransactionManager tm = async.transactionManager();
            tm.inTransaction(options, dsl -> runReactive(tm, dsl, Arrays.asList(steps), savepoints)).blockLast(WAIT);
        }
    }

    public void run(Step... steps) {
        run(TransactionOptions.defaults(), steps);
    }

    private void runBlocking(TransactionManager tm, List<Step> steps, Map<String, Savepoint> savepoints) {
        for (Step step : steps) {
            switch (step) {
                case Save s -> ((ActiveRecord<?>) s.model()).save();
                case Sql s -> blocking.dsl().execute(s.sql(), s.binds());
                case MakeSavepoint s -> savepoints.put(s.name(), tm.savepoint(s.name()));
                case RollbackTo s -> tm.rollbackToSavepoint(savepoints.get(s.name()));
                case Release s -> tm.releaseSavepoint(savepoints.get(s.name()));
                case DeferAll s -> tm.deferAllConstraints();
                case Defer s -> tm.deferConstraints(s.names().toArray(String[]::new));
                case Check c -> c.check().run();
                case Fail f -> throw f.error();
                case Nested n -> tm.inTransaction(() -> runBlocking(tm, n.steps(), savepoints));
                case Swallowed w -> {
                    try {
                        runBlocking(tm, List.of(w.step()), savepoints);
                    } catch (RuntimeException ignored) {
                        // the application's choice; after a failed statement the transaction is aborted all the same
                    }
                }
                case Caught c -> {
                    RuntimeException error = null;
                    try {
                        runBlocking(tm, List.of(c.step()), savepoints);
                    } catch (RuntimeException e) {
                        error = e;
                    }
                    if (error == null) {
                        throw new AssertionError("step did not fail: " + c.step());
                    }
                    c.check().accept(error);
                }
                case NestedFailing n -> {
                    try {
                        tm.inTransaction(() -> runBlocking(tm, n.steps(), savepoints));
                        throw new AssertionError("nested transaction did not fail");
                    } catch (RuntimeException e) {
                        if (e != n.expected()) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    private Mono<Void> runReactive(AsyncTransactionManager tm, DSLContext dsl, List<Step> steps, Map<String, Savepoint> savepoints) {
        return Flux.fromIterable(steps).concatMap(step -> switch (step) {
            case Save s -> ((AsyncActiveRecord<?>) s.model()).save().then();
            case Sql s -> Mono.from(dsl.query(s.sql(), s.binds())).then();
            case MakeSavepoint s -> tm.savepoint(s.name()).doOnNext(sp -> savepoints.put(s.name(), sp)).then();
            case RollbackTo s -> tm.rollbackToSavepoint(savepoints.get(s.name()));
            case Release s -> tm.releaseSavepoint(savepoints.get(s.name()));
            case DeferAll s -> tm.deferAllConstraints();
            case Defer s -> tm.deferConstraints(s.names().toArray(String[]::new));
            case Check c -> Mono.fromRunnable(c.check());
            case Fail f -> Mono.error(f.error());
            case Nested n -> tm.inTransaction(d -> runReactive(tm, d, n.steps(), savepoints)).then();
            case Swallowed w -> runReactive(tm, dsl, List.of(w.step()), savepoints).onErrorResume(RuntimeException.class, e -> Mono.empty());
            case Caught c -> runReactive(tm, dsl, List.of(c.step()), savepoints)
                    .then(Mono.<Void>error(new AssertionError("step did not fail: " + c.step())))
                    .onErrorResume(RuntimeException.class, e -> Mono.fromRunnable(() -> c.check().accept(e)));
            case NestedFailing n -> tm.inTransaction(d -> runReactive(tm, d, n.steps(), savepoints))
                    .then(Mono.<Void>error(new AssertionError("nested transaction did not fail")))
                    .onErrorResume(e -> e == n.expected(), e -> Mono.empty());
        }).then();
    }
}
