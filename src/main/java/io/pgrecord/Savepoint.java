package io.pgrecord;

/**
 * A savepoint inside a transaction, created by {@code savepoint()} or {@code savepoint(name)};
 * roll back to it or release it through the manager that made it.
 */
public final class Savepoint {

    private final String name;

    Savepoint(String name) {
        this.name = name;
    }

    /** The savepoint's name as sent to the server. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Savepoint[" + name + "]";
    }
}
