package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.types.BinaryValues;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.CopyBuffer;
import io.pgrecord.internal.types.TypeMapper;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Encodes models as binary {@code COPY}: a signature, one tuple per row (a field count, then
 * each value with its length, -1 for NULL) and a trailer. Each column has a
 * {@link BinaryValues.Writer} of its field's values: one of the field's own type where that has
 * a binary form for the column, else its server type's, {@link #converting} the value first.
 */
final class CopyBinary {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private CopyBinary() {
    }

    /** The binary copy, or null when some value has no binary form for its column and text must carry it. */
    static <T> CopyData encode(String head, List<FieldMeta> columns, BinaryValues.Writer[] writers, List<T> models,
            ObjectMapper json) {
        CopyBuffer out = new CopyBuffer();
        out.bytes(SIGNATURE);
        out.int32(0); // flags: no OIDs
        out.int32(0); // no header extension
        int n = columns.size();
        boolean[] typeChecked = CopyIn.typeChecked(columns);
        for (T model : models) {
            out.int16(n);
            for (int i = 0; i < n; i++) {
                FieldMeta f = columns.get(i);
                Object value = f.get(model);
                if (typeChecked[i]) {
                    BindValues.check(f.column(), f.dataType(), value, json);
                }
                if (value == null) {
                    out.int32(-1);
                } else if (!writers[i].write(out, f.column(), value)) {
                    return null;
                }
            }
            out.endRow();
        }
        out.int16(-1);
        return new CopyData(head + " (FORMAT binary)", out.chunks());
    }

    /**
     * A field's values turned into their driver-level values, then written by the column type's
     * writer, NULL when that is null; the type's writer itself when that turns nothing.
     */
    static BinaryValues.Writer converting(FieldMeta f, BinaryValues.Writer typeWriter, ObjectMapper json) {
        UnaryOperator<Object> conversion = TypeMapper.databaseConversion(f.dataType(), json);
        if (conversion == null) {
            return typeWriter;
        }
        return (out, column, value) -> {
            Object db = conversion.apply(value);
            if (db == null) {
                out.int32(-1);
                return true;
            }
            return typeWriter.write(out, column, db);
        };
    }
}
