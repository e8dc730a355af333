package io.pgrecord.internal.types;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.ServerVersion;
import org.jooq.Configuration;

/**
 * The connected server's version, kept in the backend's jOOQ configuration, so a bind value of
 * a gated type can refuse to render for an older server: the check then runs for raw jOOQ and
 * {@code Pg} helpers too, before any SQL is sent.
 */
public final class ServerGates {

    private static final String SERVER_VERSION = "io.pgrecord.serverVersion";

    private ServerGates() {
    }

    public static void remember(Configuration configuration, ServerVersion version) {
        configuration.data(SERVER_VERSION, version);
    }

    /**
     * Throws {@code UnsupportedCapabilityException} when the configuration belongs to a server
     * without the capability; passes when it carries no version (a context of the user's own).
     */
    public static void require(Configuration configuration, Capability capability) {
        if (configuration != null && configuration.data(SERVER_VERSION) instanceof ServerVersion v) {
            Capabilities.of(v).require(capability);
        }
    }
}
