package io.pgrecord.types;

import io.pgrecord.Capability;
import io.pgrecord.internal.types.TextBinding;
import java.util.function.Function;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultDataType;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import org.jooq.postgres.extensions.types.Range;

/**
 * jOOQ data types for the PostgreSQL types of this package, on the blocking and the reactive
 * backend alike. Each binds its value as text with a cast, {@code CAST(? AS macaddr)}, and reads
 * the column's text form back.
 *
 * <p>Use them wherever jOOQ takes a {@link DataType}; a plain {@code DSL.val(mac)} cannot find
 * the binding by itself, so give it the type, or compare with a field that has it.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=pg-types}
 *
 * <p>Arrays work the same way: {@code PgTypes.MACADDR.getArrayDataType()} is a
 * {@code DataType<MacAddress[]>} for {@code macaddr[]}, bound as one array literal,
 * {@code CAST(? AS macaddr[])}. They are one-dimensional and may hold NULL elements.
 *
 * <p>{@link #BIT} binds as {@code varbit}, because {@code CAST(? AS bit)} would mean
 * {@code bit(1)} and cut the value to its first bit; the server then checks the length against
 * the {@code bit(n)} column. {@link #MACADDR} binds a {@link MacAddress} by its length, as
 * {@code macaddr} or {@code macaddr8}; a 6-byte address written to a {@code macaddr8} column
 * reads back as 8 bytes, with {@code ff:fe} in the middle.
 */
public final class PgTypes {

    /**
     * {@code macaddr} columns, and {@code MacAddress} values whose column is not known: a bind is
     * cast by the value's length, a 6-byte address to {@code macaddr} and an 8-byte one to
     * {@code macaddr8} (an array to {@code macaddr8[]} when any element has 8 bytes), so either
     * column takes it. The server converts a 6-byte address for a {@code macaddr8} column, and
     * refuses an 8-byte one for a {@code macaddr} column unless its middle bytes are
     * {@code ff:fe}.
     */
    public static final DataType<MacAddress> MACADDR = DefaultDataType.getDefaultDataType(SQLDialect.POSTGRES, "macaddr")
            .asConvertedDataType(TextBinding.named("macaddr", (MacAddress mac) -> mac.isEui64() ? "macaddr8" : "macaddr",
                    MacAddress.class, MacAddress::parse, null));
    /** {@code macaddr8} columns: every bind is cast to {@code macaddr8}, 6-byte addresses too. */
    public static final DataType<MacAddress> MACADDR8 = type("macaddr8", "macaddr8", MacAddress.class, MacAddress::parse);
    /**
     * {@code bit(n)} values. In jOOQ DDL this renders as plain {@code bit}, which PostgreSQL reads
     * as {@code bit(1)}, and {@code length(n)} does not change that for a converted type: declare
     * {@code bit(n)} columns in SQL, or use {@link #VARBIT}.
     */
    public static final DataType<BitString> BIT = type("bit", "varbit", BitString.class, BitString::parse);
    public static final DataType<BitString> VARBIT = type("varbit", "varbit", BitString.class, BitString::parse);
    public static final DataType<TsVector> TSVECTOR = type("tsvector", "tsvector", TsVector.class, TsVector::parse);
    public static final DataType<TsQuery> TSQUERY = type("tsquery", "tsquery", TsQuery.class, TsQuery::parse);
    public static final DataType<JsonPath> JSONPATH = type("jsonpath", "jsonpath", JsonPath.class, JsonPath::of);
    public static final DataType<Point> POINT = type("point", "point", Point.class, Point::parse);
    public static final DataType<Line> LINE = type("line", "line", Line.class, Line::parse);
    public static final DataType<LineSegment> LSEG = type("lseg", "lseg", LineSegment.class, LineSegment::parse);
    public static final DataType<Box> BOX = type("box", "box", Box.class, Box::parse);
    public static final DataType<Path> PATH = type("path", "path", Path.class, Path::parse);
    public static final DataType<Polygon> POLYGON = type("polygon", "polygon", Polygon.class, Polygon::parse);
    public static final DataType<Circle> CIRCLE = type("circle", "circle", Circle.class, Circle::parse);

    /** PostgreSQL 14+, as are the other multiranges. */
    public static final DataType<MultiRange<IntegerRange>> INT4MULTIRANGE = multirange(IntegerRange.class);
    public static final DataType<MultiRange<LongRange>> INT8MULTIRANGE = multirange(LongRange.class);
    public static final DataType<MultiRange<BigDecimalRange>> NUMMULTIRANGE = multirange(BigDecimalRange.class);
    public static final DataType<MultiRange<LocalDateRange>> DATEMULTIRANGE = multirange(LocalDateRange.class);
    public static final DataType<MultiRange<LocalDateTimeRange>> TSMULTIRANGE = multirange(LocalDateTimeRange.class);
    public static final DataType<MultiRange<OffsetDateTimeRange>> TSTZMULTIRANGE = multirange(OffsetDateTimeRange.class);

    private PgTypes() {
    }

    private static <T> DataType<T> type(String typeName, String castType, Class<T> type, Function<String, T> parser) {
        return type(typeName, castType, type, parser, null);
    }

    /** @param requires what the server needs for a bind of this type to render, or null */
    private static <T> DataType<T> type(String typeName, String castType, Class<T> type, Function<String, T> parser,
            Capability requires) {
        // A named DataType, as jOOQ's code generator makes for types it has no constant for, so
        // DDL renders "macaddr" and not "other".
        return DefaultDataType.getDefaultDataType(SQLDialect.POSTGRES, typeName)
                .asConvertedDataType(TextBinding.named(castType, null, type, parser, requires));
    }

    @SuppressWarnings("unchecked")
    private static <R extends Range<?>> DataType<MultiRange<R>> multirange(Class<R> rangeType) {
        String name = RangeKind.of(rangeType).typeName;
        Class<MultiRange<R>> type = (Class<MultiRange<R>>) (Class<?>) MultiRange.class;
        return type(name, name, type, text -> MultiRange.parse(text, rangeType), Capability.MULTIRANGE);
    }
}
