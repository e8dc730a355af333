package io.pgrecord.error;

import io.pgrecord.Capability;
import io.pgrecord.ServerVersion;

/**
 * The connected server is too old for a feature. It is thrown before any SQL is sent, e.g.
 * {@code MERGE requires PostgreSQL 15+, connected server is 14.22}.
 */
public class UnsupportedCapabilityException extends PgRecordException {

    private final Capability capability;
    private final ServerVersion serverVersion;

    public UnsupportedCapabilityException(Capability capability, ServerVersion serverVersion) {
        super(capability + " requires PostgreSQL " + capability.minimumVersion().toShortString()
                + "+, connected server is " + serverVersion);
        this.capability = capability;
        this.serverVersion = serverVersion;
    }

    /** The capability that is missing. */
    public Capability capability() {
        return capability;
    }

    /** The version of the connected server. */
    public ServerVersion serverVersion() {
        return serverVersion;
    }
}
