package io.pgrecord.types;

import java.util.Arrays;

/**
 * A PostgreSQL {@code bit(n)} or {@code bit varying} value: a fixed sequence of bits, bit 0 being
 * the leftmost, as in {@code get_bit}.
 *
 * <p>The operations follow the server: {@link #and}, {@link #or} and {@link #xor} need equal
 * lengths, and shifts keep the length and fill with zeros. The text form is the bits themselves.
 * {@snippet class=io.pgrecord.types.BitStringTest region=javadoc}
 */
public final class BitString {

    private static final String TYPE = "bit";

    /** Packed most significant bit first; bits past {@code length} are always zero. */
    private final byte[] data;
    private final int length;

    private BitString(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    private static BitString zeros(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("bit string length must not be negative: " + length);
        }
        return new BitString(new byte[(length + 7) / 8], length);
    }

    /**
     * Parses bits such as {@code 0101}; like PostgreSQL, a leading {@code b} marks binary and a
     * leading {@code x} marks hexadecimal ({@code x1F} is {@code 00011111}).
     */
    public static BitString parse(String text) {
        Malformed.requireNonNull(text, TYPE);
        boolean hex = !text.isEmpty() && (text.charAt(0) == 'x' || text.charAt(0) == 'X');
        int start = !text.isEmpty() && (hex || text.charAt(0) == 'b' || text.charAt(0) == 'B') ? 1 : 0;
        int digits = text.length() - start;
        BitString out = zeros(hex ? digits * 4 : digits);
        for (int i = 0; i < digits; i++) {
            char c = text.charAt(start + i);
            if (hex) {
                int v = Character.digit(c, 16);
                if (v < 0) {
                    throw Malformed.input(TYPE, text, "\"" + c + "\" is not a valid hexadecimal digit");
                }
                for (int k = 0; k < 4; k++) {
                    out.put(i * 4 + k, (v >> (3 - k) & 1) == 1);
                }
            } else if (c == '0' || c == '1') {
                out.put(i, c == '1');
            } else {
                throw Malformed.input(TYPE, text, "\"" + c + "\" is not a valid binary digit");
            }
        }
        return out;
    }

    /**
     * The rightmost {@code length} bits of a two's-complement integer, sign-extended when longer
     * than 64 bits, like {@code value::bit(length)}.
     */
    public static BitString fromInt(long value, int length) {
        BitString out = zeros(length);
        for (int i = 0; i < length; i++) {
            int bit = length - 1 - i;
            out.put(i, bit >= 64 ? value < 0 : (value >>> bit & 1) == 1);
        }
        return out;
    }

    /** The first {@code length} bits of {@code bytes}, most significant bit of byte 0 first. */
    public static BitString fromBytes(byte[] bytes, int length) {
        if (bytes == null || length < 0 || length > bytes.length * 8L) {
            throw new IllegalArgumentException("cannot take " + length + " bits from "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        BitString out = zeros(length);
        System.arraycopy(bytes, 0, out.data, 0, out.data.length);
        out.clearTail();
        return out;
    }

    public int length() {
        return length;
    }

    /** The bit at {@code index}, 0 being the leftmost. */
    public boolean get(int index) {
        check(index);
        return (data[index >> 3] >> (7 - (index & 7)) & 1) == 1;
    }

    /** A copy with the bit at {@code index} set to {@code value}. */
    public BitString set(int index, boolean value) {
        check(index);
        BitString out = new BitString(data.clone(), length);
        out.put(index, value);
        return out;
    }

    /** The bits packed into bytes, leftmost bit first, zero-padded at the end; a copy. */
    public byte[] toByteArray() {
        return data.clone();
    }

    public BitString and(BitString other) {
        return combine(other, "AND", (a, b) -> a & b);
    }

    public BitString or(BitString other) {
        return combine(other, "OR", (a, b) -> a | b);
    }

    public BitString xor(BitString other) {
        return combine(other, "XOR", (a, b) -> a ^ b);
    }

    public BitString not() {
        BitString out = new BitString(new byte[data.length], length);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = (byte) ~data[i];
        }
        out.clearTail();
        return out;
    }

    /** Shifts towards bit 0, keeping the length and filling with zeros; a negative count shifts right. */
    public BitString shiftLeft(int count) {
        return shift(count);
    }

    /** Shifts away from bit 0, keeping the length and filling with zeros; a negative count shifts left. */
    public BitString shiftRight(int count) {
        return shift(-(long) count);
    }

    private BitString shift(long left) {
        BitString out = zeros(length);
        for (int i = 0; i < length; i++) {
            long from = i + left;
            if (from >= 0 && from < length && get((int) from)) {
                out.put(i, true);
            }
        }
        return out;
    }

    private interface ByteOp {
        int apply(int a, int b);
    }

    private BitString combine(BitString other, String name, ByteOp op) {
        if (other.length != length) {
            throw new IllegalArgumentException("cannot " + name + " bit strings of different sizes ("
                    + length + " and " + other.length + " bits)");
        }
        BitString out = new BitString(new byte[data.length], length);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = (byte) op.apply(data[i], other.data[i]);
        }
        return out;
    }

    private void put(int index, boolean value) {
        int mask = 1 << (7 - (index & 7));
        data[index >> 3] = (byte) (value ? data[index >> 3] | mask : data[index >> 3] & ~mask);
    }

    private void clearTail() {
        int used = length & 7;
        if (used != 0) {
            data[data.length - 1] &= (byte) (0xff << (8 - used));
        }
    }

    private void check(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("bit index " + index + " out of valid range (0.." + (length - 1) + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString other && length == other.length && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(get(i) ? '1' : '0');
        }
        return out.toString();
    }
}
