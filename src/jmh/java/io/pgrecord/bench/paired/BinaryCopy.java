package io.pgrecord.bench.paired;

import io.pgrecord.bench.Row;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * COPY's binary format written by hand, for the floor of the bulk loads: a header, then per
 * row a field count and each field as length and bytes in the type's binary send format.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final OffsetDateTime PG_EPOCH = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    private static final LocalDate PG_EPOCH_DAY = LocalDate.of(2000, 1, 1);
    private static final int TEXT_OID = 25;

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    private BinaryCopy(int sizeHint) {
        bytes = new ByteArrayOutputStream(sizeHint);
        out = new DataOutputStream(bytes);
    }

    static byte[] narrow(List<Row> rows) {
        BinaryCopy c = new BinaryCopy(rows.size() * 32);
        try {
            c.header();
            for (Row r : rows) {
                c.out.writeShort(3);
                c.text(r.name);
                c.out.writeInt(4);
                c.out.writeInt(r.qty);
                c.out.writeInt(1);
                c.out.writeByte(r.active ? 1 : 0);
            }
            return c.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] wide(List<WideRow> rows) {
        BinaryCopy c = new BinaryCopy(rows.size() * 160);
        try {
            c.header();
            for (WideRow r : rows) {
                c.out.writeShort(11);
                c.text(r.title());
                c.text(r.code());
                c.out.writeInt(4);
                c.out.writeInt(r.qty());
                c.numeric(r.price());
                c.out.writeInt(1);
                c.out.writeByte(r.active() ? 1 : 0);
                c.out.writeInt(8);
                c.out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH, r.createdAt()));
                c.out.writeInt(4);
                c.out.writeInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DAY, r.day()));
                c.out.writeInt(16);
                c.out.writeLong(r.ref().getMostSignificantBits());
                c.out.writeLong(r.ref().getLeastSignificantBits());
                byte[] json = r.payload().toString().getBytes(StandardCharsets.UTF_8);
                c.out.writeInt(json.length + 1);
                c.out.writeByte(1); // jsonb format version
                c.out.write(json);
                c.textArray(r.tags());
                byte[] addr = r.ip().getAddress();
                c.out.writeInt(4 + addr.length);
                c.out.writeByte(addr.length == 4 ? 2 : 3); // PGSQL_AF_INET, PGSQL_AF_INET6
                c.out.writeByte(addr.length * 8); // a host: the full prefix
                c.out.writeByte(0); // inet, not cidr
                c.out.writeByte(addr.length);
                c.out.write(addr);
            }
            return c.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header() throws IOException {
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
    }

    private byte[] finish() throws IOException {
        out.writeShort(-1);
        out.flush();
        return bytes.toByteArray();
    }

    private void text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** A one-dimensional text[] without NULLs. */
    private void textArray(List<String> values) throws IOException {
        int length = 20;
        byte[][] elements = new byte[values.size()][];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            length += 4 + elements[i].length;
        }
        out.writeInt(length);
        out.writeInt(1); // dimensions
        out.writeInt(0); // no NULLs
        out.writeInt(TEXT_OID);
        out.writeInt(elements.length);
        out.writeInt(1); // lower bound
        for (byte[] e : elements) {
            out.writeInt(e.length);
            out.write(e);
        }
    }

    /** numeric: base-10000 digits, the weight of the first, the sign and the display scale. */
    private void numeric(BigDecimal value) throws IOException {
        int scale = Math.max(value.scale(), 0);
        String plain = value.abs().setScale(scale).toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String all = integer + fraction;
        short[] digits = new short[all.length() / 4];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Short.parseShort(all.substring(4 * i, 4 * i + 4));
        }
        int first = 0;
        while (first < digits.length && digits[first] == 0) {
            first++;
        }
        int end = digits.length;
        while (end > first && digits[end - 1] == 0) {
            end--;
        }
        int weight = integer.length() / 4 - 1 - first;
        int n = end - first;
        out.writeInt(8 + 2 * n);
        out.writeShort(n);
        out.writeShort(n == 0 ? 0 : weight);
        out.writeShort(value.signum() < 0 ? 0x4000 : 0);
        out.writeShort(scale);
        for (int i = first; i < end; i++) {
            out.writeShort(digits[i]);
        }
    }
}
