package io.pgrecord;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One signal on a channel a backend listens to ({@code PostgresBackend.listen},
 * {@code AsyncPostgresBackend.listen}).
 *
 * <p>A notification carries the payload its sender gave ({@code ""} when it gave none) and the
 * process id of the sender's server session. After the listening connection was lost and made
 * again, each subscription receives one signal with {@link #missed()} true, a null payload and
 * process id 0: notifications sent meanwhile are lost, since PostgreSQL keeps none for a
 * session that is gone.
 *
 * @param channel the channel, exactly as it was given to {@code listen}
 * @param payload the payload; null only in a missed signal
 * @param processId the sender's server process id; 0 in a missed signal
 * @param missed whether this signal says that notifications may have been missed
 */
public record Notification(String channel, @Nullable String payload, int processId, boolean missed) {

    /** Checks that a channel is given. */
    public Notification {
        Objects.requireNonNull(channel, "channel");
    }
}
