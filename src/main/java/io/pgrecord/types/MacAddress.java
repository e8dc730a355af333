package io.pgrecord.types;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PostgreSQL {@code macaddr} (6 bytes) or {@code macaddr8} (8 bytes, EUI-64) hardware address.
 *
 * <p>{@link #parse} accepts the input forms PostgreSQL accepts: hex byte pairs with {@code :},
 * {@code -} or {@code .} between groups, or no separator at all, such as
 * {@code 08:00:2b:01:02:03}, {@code 08-00-2b-01-02-03}, {@code 08002b:010203},
 * {@code 0800.2b01.0203} or {@code 08002b010203}. The text form is lower-case and colon-separated.
 * {@snippet class=io.pgrecord.types.MacAddressTest region=javadoc}
 */
public final class MacAddress {

    private static final HexFormat HEX = HexFormat.ofDelimiter(":");

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A 6- or 8-byte address; the array is copied. */
    public static MacAddress of(byte[] bytes) {
        if (bytes == null || (bytes.length != 6 && bytes.length != 8)) {
            throw new IllegalArgumentException("a MAC address has 6 or 8 bytes, not "
                    + (bytes == null ? "null" : bytes.length));
        }
        return new MacAddress(bytes.clone());
    }

    public static MacAddress parse(String text) {
        Malformed.requireNonNull(text, "macaddr");
        String s = text.strip();
        byte[] out = new byte[8];
        int count = 0;
        char separator = 0;
        int i = 0;
        while (i < s.length()) {
            if (count == out.length || i + 1 >= s.length()) {
                throw malformed(text);
            }
            int hi = Character.digit(s.charAt(i), 16);
            int lo = Character.digit(s.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw malformed(text);
            }
            out[count++] = (byte) (hi << 4 | lo);
            i += 2;
            if (i < s.length() && !isHex(s.charAt(i))) {
                char c = s.charAt(i);
                // one kind of separator, between byte groups only
                if ((c != ':' && c != '-' && c != '.') || (separator != 0 && c != separator) || i + 1 == s.length()) {
                    throw malformed(text);
                }
                separator = c;
                i++;
            }
        }
        if (count != 6 && count != 8) {
            throw Malformed.input(count > 6 ? "macaddr8" : "macaddr", text,
                    "a MAC address has 6 or 8 bytes, found " + count);
        }
        return new MacAddress(Arrays.copyOf(out, count));
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static IllegalArgumentException malformed(String text) {
        return Malformed.input("macaddr", text);
    }

    /** A copy of the 6 or 8 address bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True for an 8-byte ({@code macaddr8}) address. */
    public boolean isEui64() {
        return bytes.length == 8;
    }

    /**
     * This address as 8 bytes: a 6-byte address gets {@code ff:fe} in the middle, the way
     * PostgreSQL converts {@code macaddr} to {@code macaddr8}.
     */
    public MacAddress toEui64() {
        if (isEui64()) {
            return this;
        }
        byte[] b = bytes;
        return new MacAddress(new byte[] {b[0], b[1], b[2], (byte) 0xff, (byte) 0xfe, b[3], b[4], b[5]});
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HEX.formatHex(bytes);
    }
}
