package io.pgrecord.error;

/**
 * An optimistic-lock conflict: the row's {@code @Version} changed (or the row vanished) since
 * the instance was loaded, so the save was refused and nothing was written. Reload and retry.
 */
public class StaleRecordException extends PgRecordException {

    public StaleRecordException(String message) {
        super(message);
    }
}
