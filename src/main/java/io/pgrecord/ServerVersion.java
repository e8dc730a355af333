package io.pgrecord;

/**
 * A PostgreSQL server version, parsed from {@code server_version_num}. Immutable and ordered.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=server-version}
 * For 10 and later, {@code toString()} is {@code major.minor} ({@code "16.4"}); for older
 * servers it is {@code major.minor.patch} ({@code "9.6.24"}), as PostgreSQL itself numbers them.
 *
 * @param major the major version, e.g. 16 (or 9 for 9.6)
 * @param minor the minor version, e.g. 4 for 16.4 (or 6 for 9.6)
 * @param patch the patch level of a pre-10 release, 0 from 10 on
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    public ServerVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /** A version {@code major.minor}, e.g. {@code of(15, 0)}. */
    public static ServerVersion of(int major, int minor) {
        return new ServerVersion(major, minor, 0);
    }

    /**
     * Parses {@code server_version_num}: {@code 160004} is 16.4 and {@code 90624} is 9.6.24.
     *
     * @throws IllegalArgumentException when the text is not such a number
     */
    public static ServerVersion fromVersionNum(String serverVersionNum) {
        int num;
        try {
            num = Integer.parseInt(serverVersionNum.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server_version_num is not a number: '" + serverVersionNum + "'", e);
        }
        if (num < 80000) {
            throw new IllegalArgumentException("server_version_num out of range: " + num);
        }
        if (num >= 100000) {
            return new ServerVersion(num / 10000, num % 10000, 0);
        }
        return new ServerVersion(num / 10000, num / 100 % 100, num % 100);
    }

    public boolean isAtLeast(int major) {
        return this.major >= major;
    }

    public boolean isAtLeast(int major, int minor) {
        return compareTo(of(major, minor)) >= 0;
    }

    @Override
    public int compareTo(ServerVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    /** {@code "15"} for 15.0 and {@code "9.5"} for 9.5: the form used for minimum versions. */
    public String toShortString() {
        return major >= 10 && minor == 0 && patch == 0 ? Integer.toString(major) : major + "." + minor;
    }

    @Override
    public String toString() {
        return major >= 10 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
