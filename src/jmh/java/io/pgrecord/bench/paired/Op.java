package io.pgrecord.bench.paired;

/** One operation of a variant; its result is kept so that the work cannot be optimised away. */
@FunctionalInterface
public interface Op {
    Object run() throws Exception;
}
