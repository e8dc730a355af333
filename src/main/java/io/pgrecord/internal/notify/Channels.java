package io.pgrecord.internal.notify;

import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.schema.Identifiers;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The checks and SQL of LISTEN/NOTIFY, before any statement is sent. A channel is any text
 * PostgreSQL takes as a quoted identifier, sent quoted so it is matched exactly: {@code Order
 * Events} and {@code a"b} are channels as they are. A payload must stay under the server's
 * limit of 8,000 bytes and, as any text, hold no NUL character.
 */
public final class Channels {

    /** The first payload size in UTF-8 bytes that PostgreSQL refuses. */
    public static final int PAYLOAD_LIMIT = 8000;

    /** A listening connection forgets its channels before it goes back to an application's pool. */
    public static final String UNLISTEN_ALL = "UNLISTEN *";

    private Channels() {
    }

    /**
     * The channel, checked as a name.
     *
     * @throws IllegalArgumentException for a null or empty channel, a NUL character, or over 63 bytes
     */
    public static String check(String channel) {
        return Identifiers.part("channel", channel);
    }

    /**
     * The payload, checked against the server's limit; null sends none.
     *
     * @throws IllegalArgumentException for a NUL character, or from {@value #PAYLOAD_LIMIT} bytes in UTF-8
     */
    private static @Nullable String checkPayload(String channel, @Nullable String payload) {
        if (payload != null) {
            if (payload.indexOf('\0') >= 0) {
                // the server refuses it as text (22021); refused here as a bad channel name is
                throw new IllegalArgumentException("notification payload on channel '" + channel
                        + "' contains the NUL character (\\u0000), which PostgreSQL text cannot hold");
            }
            int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
            if (bytes >= PAYLOAD_LIMIT) {
                throw new IllegalArgumentException("notification payload on channel '" + channel + "' is " + bytes
                        + " bytes in UTF-8; PostgreSQL takes at most " + (PAYLOAD_LIMIT - 1)
                        + ": send a key and read the data from a table instead");
            }
        }
        return payload;
    }

    /**
     * The statement that sends a notification, after both checks. {@code pg_notify} takes the
     * channel literally, as a quoted name is, and runs in whatever transaction the statement
     * joins: the notification leaves at its commit, and not at all after a rollback.
     */
    public static ResultQuery<Record> notifyQuery(DSLContext dsl, String channel, @Nullable String payload) {
        check(channel);
        checkPayload(channel, payload);
        return dsl.resultQuery("SELECT pg_notify({0}, {1})", DSL.val(channel), DSL.val(payload, SQLDataType.VARCHAR));
    }

    /**
     * The refusal of a notification sent inside a read-only transaction that runs on a replica:
     * notifications use the primary, and a standby refuses them, so it would fail there, while
     * sending it apart from the transaction would deliver it even if the transaction rolled back.
     */
    public static TransactionException notifyOnReplica(String channel) {
        return new TransactionException("cannot notify '" + channel + "' inside a read-only transaction running on a"
                + " replica: notifications use the primary; notify outside that transaction, or in a read-write one");
    }

    public static String listenSql(String channel) {
        return "LISTEN " + quoted(channel);
    }

    public static String unlistenSql(String channel) {
        return "UNLISTEN " + quoted(channel);
    }

    private static String quoted(String channel) {
        return "\"" + channel.replace("\"", "\"\"") + "\"";
    }
}
