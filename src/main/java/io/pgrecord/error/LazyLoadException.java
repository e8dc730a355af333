package io.pgrecord.error;

/**
 * A relation that was not loaded was read in strict-loading mode ({@code strictLoading()} on the
 * query, {@code strictLoading(true)} on the backend's config, or {@code @StrictLoading} on the
 * model class). The message names the model, the relation and the {@code include(...)} that
 * loads it with its owners.
 */
public class LazyLoadException extends PgRecordException {

    public LazyLoadException(String message) {
        super(message);
    }
}
