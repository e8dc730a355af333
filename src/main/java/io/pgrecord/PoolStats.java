package io.pgrecord;

/**
 * A snapshot of a backend's connection pool.
 *
 * @param active connections lent out (in use by a query, a transaction, a stream or a lock)
 * @param idle connections open and free
 * @param total connections open
 * @param pending callers waiting for a connection
 * @param max the pool's upper bound, {@code poolMaxSize}
 */
public record PoolStats(int active, int idle, int total, int pending, int max) {
}
