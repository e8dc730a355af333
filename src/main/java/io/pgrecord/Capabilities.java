package io.pgrecord;

import io.pgrecord.error.UnsupportedCapabilityException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the connected server supports. Immutable and thread-safe; obtained from
 * {@code backend.capabilities()}.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=capabilities}
 */
public final class Capabilities {

    private final ServerVersion serverVersion;
    private final Set<Capability> supported;

    private Capabilities(ServerVersion serverVersion) {
        this.serverVersion = serverVersion;
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if (c.isSupportedBy(serverVersion)) {
                set.add(c);
            }
        }
        this.supported = Collections.unmodifiableSet(set);
    }

    /**
     * The last instance built: every model call plans with its backend's capabilities, and a
     * process nearly always talks to servers of one version, so this spares a scan of every
     * {@link Capability} per call.
     */
    private static volatile Capabilities last;

    /** The capabilities of a server of the given version. */
    public static Capabilities of(ServerVersion serverVersion) {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Capabilities c = last;
        if (c == null || !c.serverVersion.equals(serverVersion)) {
            c = new Capabilities(serverVersion);
            last = c;
        }
        return c;
    }

    public boolean supports(Capability capability) {
        return supported.contains(capability);
    }

    /**
     * Does nothing when the capability is supported.
     *
     * @throws UnsupportedCapabilityException naming the capability, the version it needs and
     *     the connected server's version
     */
    public void require(Capability capability) {
        if (!supports(capability)) {
            throw new UnsupportedCapabilityException(capability, serverVersion);
        }
    }

    /** Every supported capability. */
    public Set<Capability> supported() {
        return supported;
    }

    public ServerVersion serverVersion() {
        return serverVersion;
    }

    @Override
    public String toString() {
        return "Capabilities[PostgreSQL " + serverVersion + ": " + supported + "]";
    }
}
