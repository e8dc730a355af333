package io.pgrecord.internal.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a {@code COPY ... FROM STDIN} data stream, cut into chunks of about 64 KB at row
 * boundaries, with the big-endian writes of the binary format. Not thread-safe: one per copy.
 */
public final class CopyBuffer {

    private static final int CHUNK = 64 * 1024;
    /** Big-endian stores of a whole word at once, instead of one byte at a time. */
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] buf = new byte[CHUNK + 4096];
    private int size;

    public void byte1(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    public void int16(int v) {
        ensure(2);
        SHORT.set(buf, size, (short) v);
        size += 2;
    }

    public void int32(int v) {
        ensure(4);
        put32(size, v);
        size += 4;
    }

    public void int64(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
    }

    public void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /**
     * Writes the UTF-8 bytes of {@code s}, as {@code getBytes(UTF_8)} has them, and returns -1;
     * or, when {@code s} holds an unpaired surrogate (which has no UTF-8 form), writes nothing
     * and returns its index. One pass, without the copy {@code getBytes} makes.
     */
    public int utf8(String s) {
        int n = s.length();
        ensure((int) Math.min(Integer.MAX_VALUE - 16, 3L * n));
        int p = size;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xe0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | cp & 0x3f);
            } else {
                return i;
            }
        }
        size = p;
        return -1;
    }

    /** Reserves a length word and returns its position, for {@link #endField}. */
    public int beginField() {
        int at = size;
        int32(0);
        return at;
    }

    /** Writes the length of what followed {@link #beginField}'s word into it. */
    public void endField(int at) {
        put32(at, size - at - 4);
    }

    /** Overwrites the 32-bit word at a position written earlier in the current row. */
    public void put32(int at, int v) {
        INT.set(buf, at, v);
    }

    /** The position the next write goes to. */
    public int position() {
        return size;
    }

    /** Ends a row: the buffer becomes a chunk once it holds 64 KB, so no row is split across two. */
    public void endRow() {
        if (size >= CHUNK) {
            chunks.add(Arrays.copyOf(buf, size));
            size = 0;
        }
    }

    /** Every chunk written, the last one included. */
    public List<byte[]> chunks() {
        if (size > 0) {
            chunks.add(Arrays.copyOf(buf, size));
            size = 0;
        }
        return chunks;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
