package io.pgrecord;

/**
 * One row changed by {@code updateAllReturning}: the model as it was before the UPDATE and as
 * it is after, from PostgreSQL 18's {@code RETURNING old.*, new.*}.
 *
 * @param before the row before the update
 * @param after the row after the update
 * @param <T> the model
 */
public record Change<T>(T before, T after) {
}
