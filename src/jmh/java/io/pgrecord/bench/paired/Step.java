package io.pgrecord.bench.paired;

/** Untimed work around the blocks: a check, or resetting a table. */
@FunctionalInterface
public interface Step {
    Step NONE = () -> { };

    void run() throws Exception;
}
