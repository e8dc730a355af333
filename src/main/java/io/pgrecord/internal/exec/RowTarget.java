package io.pgrecord.internal.exec;

import io.pgrecord.error.MappingException;
import io.pgrecord.internal.error.UnreadableColumnException;

/**
 * What a statement's rows are read into, a model: asked, only once a value could not be read,
 * for the exception that names the field the value was going to.
 */
@FunctionalInterface
public interface RowTarget {

    /** The exception to raise instead of {@code failure}, naming the model and the field. */
    MappingException unreadable(UnreadableColumnException failure);

    /** {@code failure} described by {@code target}, or as it is when there is none. */
    static MappingException describe(RowTarget target, UnreadableColumnException failure) {
        return target == null ? failure : target.unreadable(failure);
    }
}
