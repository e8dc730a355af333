package io.pgrecord.internal.jdbc;

import java.sql.Connection;

/**
 * The connection of the transaction open on the current thread, per backend. The pool's
 * connection provider hands it to models and raw jOOQ, so they join the transaction.
 */
public final class TxBinding {

    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public Connection current() {
        return current.get();
    }

    public void bind(Connection connection) {
        current.set(connection);
    }

    public void unbind() {
        current.remove();
    }
}
