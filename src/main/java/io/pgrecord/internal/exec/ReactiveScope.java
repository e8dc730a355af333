package io.pgrecord.internal.exec;

import java.util.List;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

/**
 * Where reactive work runs: the pool, or the connection of the transaction found in the
 * subscriber's Reactor context.
 *
 * @param dsl the jOOQ context statements are attached to
 * @param copyIn runs {@code COPY ... FROM STDIN} with pre-encoded text in this scope
 */
public record ReactiveScope(DSLContext dsl, BiFunction<String, List<byte[]>, Mono<Long>> copyIn) {
}
