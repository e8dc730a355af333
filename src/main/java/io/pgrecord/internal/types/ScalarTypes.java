package io.pgrecord.internal.types;

import io.pgrecord.types.Box;
import io.pgrecord.types.Circle;
import io.pgrecord.types.JsonPath;
import io.pgrecord.types.Line;
import io.pgrecord.types.LineSegment;
import io.pgrecord.types.Path;
import io.pgrecord.types.PgTypes;
import io.pgrecord.types.Point;
import io.pgrecord.types.Polygon;
import io.pgrecord.types.TsQuery;
import io.pgrecord.types.TsVector;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.XML;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.bindings.BigDecimalRangeBinding;
import org.jooq.postgres.extensions.bindings.HstoreBinding;
import org.jooq.postgres.extensions.bindings.IntegerRangeBinding;
import org.jooq.postgres.extensions.bindings.LongRangeBinding;
import org.jooq.postgres.extensions.converters.BigDecimalRangeConverter;
import org.jooq.postgres.extensions.converters.HstoreConverter;
import org.jooq.postgres.extensions.converters.IntegerRangeConverter;
import org.jooq.postgres.extensions.converters.LongRangeConverter;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.Cidr;
import org.jooq.postgres.extensions.types.Hstore;
import org.jooq.postgres.extensions.types.Inet;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.Ltree;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import org.jooq.postgres.extensions.types.Range;
import org.jooq.types.YearToSecond;

/**
 * The data types of single values, by Java class: jOOQ's own where its binding is sound on
 * both backends, {@link TextBinding} types where the value is best carried as text, the
 * postgres-extensions ranges and hstore, and {@link PgTypes}. {@link #byColumnType} covers the
 * Java types whose PostgreSQL type only {@code @Column(type)} can tell.
 */
final class ScalarTypes {

    private static final Map<Class<?>, DataType<?>> SIMPLE = new HashMap<>();
    private static final Map<Class<?>, DataType<?>> MULTIRANGES = new HashMap<>();
    private static final Map<String, DataType<?>> REG_TYPES = new ConcurrentHashMap<>();
    static final DataType<String> TEXT = SQLDataType.VARCHAR.asConvertedDataType(TextBinding.untyped());
    private static final DataType<Long> OID = text("oid", Long.class, Long::valueOf, String::valueOf);
    private static final DataType<Double> NUMERIC_DOUBLE = text("numeric", Double.class, ScalarTypes::parseNumeric, ScalarTypes::numeric);
    private static final DataType<Hstore> HSTORE = SQLDataType.OTHER.asConvertedDataType(new HstoreBinding());
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final DataType<Map<String, String>> HSTORE_MAP = HSTORE.asConvertedDataType(
            PlainConverter.of(Hstore.class, (Class<Map<String, String>>) (Class) Map.class,
                    h -> new LinkedHashMap<>(h.data()), Hstore::valueOf));

    /** Whether a field of this type is a {@code Map} field of an hstore column: its data type is jOOQ's {@code other}. */
    static boolean isHstoreMap(DataType<?> type) {
        return type.getBinding() == HSTORE_MAP.getBinding();
    }

    private static final Map<Class<?>, DataType<?>> TEXT_ELEMENTS = Map.ofEntries(
            Map.entry(String.class, SQLDataType.CLOB),
            Map.entry(byte[].class, text("bytea", byte[].class, Bytea::parse, Bytea::text)),
            Map.entry(JSONB.class, text("jsonb", JSONB.class, JSONB::valueOf, JSONB::data)),
            Map.entry(JSON.class, text("json", JSON.class, JSON::valueOf, JSON::data)),
            Map.entry(XML.class, text("xml", XML.class, XML::valueOf, XML::data)),
            Map.entry(Hstore.class, extension("hstore", Hstore.class, new HstoreConverter())),
            Map.entry(IntegerRange.class, extension("int4range", IntegerRange.class, new IntegerRangeConverter())),
            Map.entry(LongRange.class, extension("int8range", LongRange.class, new LongRangeConverter())),
            Map.entry(BigDecimalRange.class, extension("numrange", BigDecimalRange.class, new BigDecimalRangeConverter())),
            Map.entry(LocalDateRange.class, TemporalRanges.DATE),
            Map.entry(LocalDateTimeRange.class, TemporalRanges.TIMESTAMP),
            Map.entry(OffsetDateTimeRange.class, TemporalRanges.TIMESTAMPTZ),
            // the dates and times themselves bind natively, but their arrays are literals of their
            // text, which java.time's toString() would get wrong for BC and past 9999
            Map.entry(LocalDate.class, text("date", LocalDate.class, DateTimeText::parseDate, DateTimeText::formatDate)),
            Map.entry(LocalDateTime.class, text("timestamp", LocalDateTime.class, DateTimeText::parseTimestamp,
                    DateTimeText::formatTimestamp)),
            Map.entry(OffsetDateTime.class, text("timestamptz", OffsetDateTime.class,
                    s -> DateTimeText.utc(DateTimeText.parseTimestampTz(s)), DateTimeText::formatTimestampTz)),
            Map.entry(Instant.class, text("timestamptz", Instant.class, DateTimeText::parseInstant, DateTimeText::formatInstant)),
            // read as text, an element no BigDecimal holds (NaN) is refused by name, where pgjdbc's
            // array would read as null and r2dbc-postgresql's fail on its first letter
            Map.entry(BigDecimal.class, text("numeric", BigDecimal.class, ScalarTypes::parseDecimal, BigDecimal::toPlainString)));

    static {
        SIMPLE.put(Boolean.class, SQLDataType.BOOLEAN);
        SIMPLE.put(boolean.class, SQLDataType.BOOLEAN);
        SIMPLE.put(Short.class, SQLDataType.SMALLINT);
        SIMPLE.put(short.class, SQLDataType.SMALLINT);
        SIMPLE.put(Integer.class, SQLDataType.INTEGER);
        SIMPLE.put(int.class, SQLDataType.INTEGER);
        SIMPLE.put(Long.class, SQLDataType.BIGINT);
        SIMPLE.put(long.class, SQLDataType.BIGINT);
        SIMPLE.put(Float.class, SQLDataType.REAL);
        SIMPLE.put(float.class, SQLDataType.REAL);
        SIMPLE.put(Double.class, SQLDataType.DOUBLE);
        SIMPLE.put(double.class, SQLDataType.DOUBLE);
        SIMPLE.put(BigDecimal.class, SQLDataType.NUMERIC);
        SIMPLE.put(String.class, TEXT);
        SIMPLE.put(byte[].class, TEXT_ELEMENTS.get(byte[].class));
        SIMPLE.put(UUID.class, SQLDataType.UUID);
        SIMPLE.put(LocalDate.class, SQLDataType.LOCALDATE.asConvertedDataType(TemporalBinding.DATE));
        SIMPLE.put(LocalTime.class, SQLDataType.LOCALTIME);
        SIMPLE.put(OffsetTime.class, text("timetz", OffsetTime.class, TimeTz::parse, TimeTz::text));
        SIMPLE.put(LocalDateTime.class, SQLDataType.LOCALDATETIME.asConvertedDataType(TemporalBinding.TIMESTAMP));
        SIMPLE.put(OffsetDateTime.class, SQLDataType.OFFSETDATETIME.asConvertedDataType(TemporalBinding.TIMESTAMPTZ));
        SIMPLE.put(Instant.class, SQLDataType.INSTANT.asConvertedDataType(TemporalBinding.INSTANT));
        SIMPLE.put(Duration.class, IntervalTypes.DURATION);
        SIMPLE.put(YearToSecond.class, IntervalTypes.YEAR_TO_SECOND);
        SIMPLE.put(JSON.class, SQLDataType.JSON);
        SIMPLE.put(JSONB.class, SQLDataType.JSONB);
        SIMPLE.put(XML.class, SQLDataType.XML);
        SIMPLE.put(Hstore.class, HSTORE);
        SIMPLE.put(Inet.class, InetTypes.INET);
        SIMPLE.put(Cidr.class, InetTypes.CIDR);
        SIMPLE.put(Ltree.class, text("ltree", Ltree.class, Ltree::valueOf, Ltree::data));
        SIMPLE.put(TsVector.class, PgTypes.TSVECTOR);
        SIMPLE.put(TsQuery.class, PgTypes.TSQUERY);
        SIMPLE.put(JsonPath.class, PgTypes.JSONPATH);
        SIMPLE.put(Point.class, PgTypes.POINT);
        SIMPLE.put(Line.class, PgTypes.LINE);
        SIMPLE.put(LineSegment.class, PgTypes.LSEG);
        SIMPLE.put(Box.class, PgTypes.BOX);
        SIMPLE.put(Path.class, PgTypes.PATH);
        SIMPLE.put(Polygon.class, PgTypes.POLYGON);
        SIMPLE.put(Circle.class, PgTypes.CIRCLE);
        MULTIRANGES.put(IntegerRange.class, PgTypes.INT4MULTIRANGE);
        MULTIRANGES.put(LongRange.class, PgTypes.INT8MULTIRANGE);
        MULTIRANGES.put(BigDecimalRange.class, PgTypes.NUMMULTIRANGE);
        MULTIRANGES.put(LocalDateRange.class, PgTypes.DATEMULTIRANGE);
        MULTIRANGES.put(LocalDateTimeRange.class, PgTypes.TSMULTIRANGE);
        MULTIRANGES.put(OffsetDateTimeRange.class, PgTypes.TSTZMULTIRANGE);
        SIMPLE.put(IntegerRange.class, SQLDataType.OTHER.asConvertedDataType(new IntegerRangeBinding()));
        SIMPLE.put(LongRange.class, SQLDataType.OTHER.asConvertedDataType(new LongRangeBinding()));
        SIMPLE.put(BigDecimalRange.class, SQLDataType.OTHER.asConvertedDataType(new BigDecimalRangeBinding()));
        SIMPLE.put(LocalDateRange.class, TemporalRanges.DATE);
        SIMPLE.put(LocalDateTimeRange.class, TemporalRanges.TIMESTAMP);
        SIMPLE.put(OffsetDateTimeRange.class, TemporalRanges.TIMESTAMPTZ);
    }

    private ScalarTypes() {
    }

    /** The type of a Java class that maps on its own, or null. */
    static DataType<?> simple(Class<?> type) {
        return SIMPLE.get(type);
    }

    /** The multirange type over a jOOQ range class, or null. */
    static DataType<?> multirange(Class<?> rangeClass) {
        return MULTIRANGES.get(rangeClass);
    }

    /**
     * The text-carried element type of an array of this class, or null when the class's own type
     * serves: bytea, json, jsonb and xml (jOOQ's arrays of them cannot bind NULL on R2DBC, nor an
     * empty bytea anywhere), hstore and the ranges (jOOQ's arrays of them have one dimension),
     * dates and times (BC, past 9999) and numeric (NaN).
     */
    static DataType<?> textElement(Class<?> type) {
        return TEXT_ELEMENTS.get(type);
    }

    /** Java types whose PostgreSQL type only {@code @Column(type)} can tell. */
    static DataType<?> byColumnType(Class<?> raw, String sqlType) {
        return switch (sqlType) {
            case "money" -> raw == BigDecimal.class ? SQLDataType.NUMERIC : null;
            case "oid" -> raw == Long.class || raw == long.class ? OID : null;
            case "numeric", "decimal" -> raw == Double.class || raw == double.class ? NUMERIC_DOUBLE : null;
            case "hstore" -> Map.class.isAssignableFrom(raw) ? HSTORE_MAP : null;
            // an untyped string next to a reg* column resolves as oid, not as a name: cast it
            case "regclass", "regconfig", "regtype", "regproc", "regprocedure", "regoper", "regoperator",
                    "regnamespace", "regrole", "regcollation", "regdictionary" ->
                    raw == String.class ? REG_TYPES.computeIfAbsent(sqlType, t -> text(t, String.class, s -> s, s -> s)) : null;
            default -> null;
        };
    }

    /**
     * daterange, tsrange and tstzrange as text, read and written with {@link DateTimeText}: jOOQ's
     * range converters print a bound with java.time's {@code toString()} ({@code -0043-03-15},
     * {@code +10000-01-01}, which the server refuses) and cannot read {@code 10000-01-01},
     * {@code "0044-03-15 BC"} or {@code infinity}. tstzrange bounds read back at UTC.
     */
    private static final class TemporalRanges {
        private static final LocalDateTime EPOCH = LocalDate.EPOCH.atStartOfDay();

        static final DataType<LocalDateRange> DATE = range("daterange", LocalDateRange.class,
                DateTimeText::parseDate, DateTimeText::formatDate,
                (lo, li, hi, hu) -> LocalDateRange.localDateRange((LocalDate) lo, li, (LocalDate) hi, hu),
                LocalDateRange.localDateRange(LocalDate.EPOCH, LocalDate.EPOCH));
        static final DataType<LocalDateTimeRange> TIMESTAMP = range("tsrange", LocalDateTimeRange.class,
                DateTimeText::parseTimestamp, DateTimeText::formatTimestamp,
                (lo, li, hi, hu) -> LocalDateTimeRange.localDateTimeRange((LocalDateTime) lo, li, (LocalDateTime) hi, hu),
                LocalDateTimeRange.localDateTimeRange(EPOCH, EPOCH));
        static final DataType<OffsetDateTimeRange> TIMESTAMPTZ = range("tstzrange", OffsetDateTimeRange.class,
                s -> DateTimeText.utc(DateTimeText.parseTimestampTz(s)), DateTimeText::formatTimestampTz,
                (lo, li, hi, hu) -> OffsetDateTimeRange.offsetDateTimeRange((OffsetDateTime) lo, li, (OffsetDateTime) hi, hu),
                OffsetDateTimeRange.offsetDateTimeRange(EPOCH.atOffset(ZoneOffset.UTC),
                        EPOCH.atOffset(ZoneOffset.UTC)));

        private static <E, R extends Range<E>> DataType<R> range(String sqlType,
                Class<R> type, Function<String, E> parse, Function<E, String> print, RangeText.Factory<R> factory, R empty) {
            return text(sqlType, type, s -> RangeText.parse(sqlType, s, parse::apply, factory, empty),
                    r -> RangeText.print(r, print));
        }
    }

    private static <T> DataType<T> text(String sqlType, Class<T> type, Function<String, T> parse,
            Function<T, String> print) {
        return TextBinding.type(sqlType, PlainConverter.of(String.class, type, parse::apply, print::apply));
    }

    /** A postgres-extensions type carried as text with its own converter, so its arrays can have any dimension. */
    private static <T> DataType<T> extension(String sqlType, Class<T> type, Converter<Object, T> converter) {
        return text(sqlType, type, converter::from, v -> String.valueOf(converter.to(v)));
    }

    /** A numeric array element: NaN and the infinities (PostgreSQL 14+) have no BigDecimal. */
    private static BigDecimal parseDecimal(String text) {
        return switch (text) {
            case "NaN", "Infinity", "-Infinity" -> throw new IllegalArgumentException("the element " + text
                    + " has no BigDecimal value; numeric NaN and infinities read into a Double[] with @Column(type = \"numeric[]\")");
            default -> new BigDecimal(text);
        };
    }

    private static Double parseNumeric(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(text);
        };
    }

    private static String numeric(Double d) {
        return d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
    }
}
