package io.pgrecord.internal.exec;

import io.pgrecord.internal.types.DirectType;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

/**
 * Where reactive work runs: the pool, or the connection of the transaction found in the
 * subscriber's Reactor context.
 *
 * @param dsl the jOOQ context statements are attached to
 * @param statements what runs without jOOQ in this scope
 * @param undoLog the transaction's undo log, which a {@link Work.Tracked} write hands how to
 *     put its instances back; null on the pool
 */
public record ReactiveScope(DSLContext dsl, Statements statements, Consumer<Runnable> undoLog) {

    /** Statements sent straight to the driver, on the scope's connection or a pooled one. */
    public interface Statements {

        /** {@code COPY ... FROM STDIN} with pre-encoded text. */
        Mono<Long> copyIn(String sql, List<byte[]> data);

        /**
         * A pre-rendered statement's rows as value arrays, read by {@code columns}; a value that
         * cannot be read fails with the exception {@code target} gives for it (see
         * {@link RowTarget#describe}).
         */
        Mono<List<Object[]>> rows(String sql, Object[] values, DirectType[] kinds, DirectType[] columns, RowTarget target);
    }
}
