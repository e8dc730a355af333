package io.pgrecord;

import io.pgrecord.internal.types.Operands;
import io.pgrecord.types.JsonPath;
import io.pgrecord.types.PgTypes;
import io.pgrecord.types.TsQuery;
import io.pgrecord.types.TsVector;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL operators and functions as jOOQ conditions and fields, for raw jOOQ queries and for
 * {@code Query.where(Condition...)}. Static and stateless, so thread-safe.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=pg}
 *
 * <p><b>Values.</b> Every argument typed {@code Object} takes a jOOQ {@link Field} or a plain
 * value, which is always sent as a bind value, never spliced into the SQL. The value's type
 * chooses the bind type, with the field on the other side as context:
 * <ul>
 *   <li>next to a field whose data type is json or jsonb, any value is JSON, bound as
 *       {@code cast(? as jsonb)}: a {@code String}, {@code JSON} or {@code JSONB} as its text,
 *       a {@code Map}, {@code List}, record or POJO through Jackson;</li>
 *   <li>a {@code Map} is jsonb, unless the field's data type is hstore (jOOQ {@code Hstore});
 *       a jOOQ {@code Hstore} value is always hstore;</li>
 *   <li>a {@code String}, or a {@code List} or array of strings, is the text form of a value of
 *       the other operand's type, sent untyped: {@code '{"a":1}'} next to a jsonb column,
 *       {@code "[1,5)"} next to an int4range, a list of strings next to text[], varchar[],
 *       citext[] or an enum array;</li>
 *   <li>pgrecord's value types ({@code MultiRange}, {@code MacAddress}, {@code TsQuery}, ...)
 *       bind with their {@link PgTypes} data type; jOOQ ranges, numbers, dates, UUIDs and lists
 *       or arrays of them with their usual types, so {@code contains(int4rangeField, 5)} asks
 *       whether the range holds the integer 5 (an element must be of the range's subtype:
 *       {@code Long} for int8range).</li>
 * </ul>
 * A null value is rejected; pass a typed null {@code Field} for SQL NULL.
 *
 * <p><b>Operators with a question mark.</b> jOOQ reads {@code ?} in SQL templates as a bind
 * marker, so {@code ?}, {@code ?|}, {@code ?&} and {@code @?} are sent as their function forms
 * {@code jsonb_exists}, {@code jsonb_exists_any}, {@code jsonb_exists_all} (or hstore's
 * {@code exist}, {@code exists_any}, {@code exists_all}) and {@code jsonb_path_exists(..., silent
 * => true)}. They give the same answers, but a GIN index cannot serve a function call: to use
 * one, test containment with {@link #contains} or a jsonpath with {@link #jsonPathMatch}.
 *
 * <p><b>Server versions.</b> A multirange operand ({@link Capability#MULTIRANGE}, PostgreSQL
 * 14) is gated when the query runs on a backend: against an older server it fails with
 * {@code UnsupportedCapabilityException} before any SQL is sent, on both paths and through
 * {@code dsl()}. jsonpath ({@link Capability#JSONPATH}, 12) and {@code websearch_to_tsquery}
 * ({@link Capability#WEBSEARCH_TSQUERY}, 11) are always there on a supported server (12+).
 * Operators render parenthesised, with every
 * operand that is not a column or a bind value parenthesised as well.
 */
public final class Pg {

    private static final DataType<String> TEXT = SQLDataType.VARCHAR;

    private Pg() {
    }

    // ---- JSON

    /** {@code json ->> key}: the member as text, or NULL. */
    public static Field<String> jsonText(Field<?> json, String key) {
        return DSL.field("({0} ->> {1})", TEXT, group(json), DSL.val(key, TEXT));
    }

    /** {@code json ->> index}: the array element as text (negative counts from the end), or NULL. */
    public static Field<String> jsonText(Field<?> json, int index) {
        return DSL.field("({0} ->> {1})", TEXT, group(json), DSL.val(index));
    }

    /** {@code json #>> path}: the value at a path of keys (array indexes as text), as text, or NULL. */
    public static Field<String> jsonPathText(Field<?> json, String... keys) {
        return DSL.field("({0} #>> cast({1} as text[]))", TEXT, group(json), textArray(keys));
    }

    /** {@code jsonb ? key} (or {@code hstore ? key}): whether the key is a top-level key (or string array element). */
    public static Condition hasKey(Field<?> jsonbOrHstore, String key) {
        return function(isHstore(jsonbOrHstore) ? "exist" : "jsonb_exists", jsonbOrHstore, DSL.val(key, TEXT));
    }

    /** {@code jsonb ?| keys} (or hstore's): whether any of the keys is present. */
    public static Condition hasAnyKey(Field<?> jsonbOrHstore, String... keys) {
        return function(isHstore(jsonbOrHstore) ? "exists_any" : "jsonb_exists_any", jsonbOrHstore, textArray(keys));
    }

    /** {@code jsonb ?& keys} (or hstore's): whether all of the keys are present. */
    public static Condition hasAllKeys(Field<?> jsonbOrHstore, String... keys) {
        return function(isHstore(jsonbOrHstore) ? "exists_all" : "jsonb_exists_all", jsonbOrHstore, textArray(keys));
    }

    /** {@code jsonb @? path}: whether the jsonpath returns any item; errors in the path are false, as with the operator. */
    public static Condition jsonPathExists(Field<?> jsonb, JsonPath path) {
        return DSL.condition("jsonb_path_exists({0}, {1}, silent => true)", jsonb, DSL.val(path, PgTypes.JSONPATH));
    }

    /** {@code jsonb @? path}, the path given as text; see {@link #jsonPathExists(Field, JsonPath)}. */
    public static Condition jsonPathExists(Field<?> jsonb, String path) {
        return jsonPathExists(jsonb, JsonPath.of(path));
    }

    /** {@code jsonb @@ path}: the jsonpath predicate's result; NULL (not true) when it is not a single boolean. */
    public static Condition jsonPathMatch(Field<?> jsonb, JsonPath path) {
        return operator("@@", jsonb, DSL.val(path, PgTypes.JSONPATH));
    }

    /** {@code jsonb @@ path}, the path given as text. */
    public static Condition jsonPathMatch(Field<?> jsonb, String path) {
        return jsonPathMatch(jsonb, JsonPath.of(path));
    }

    // ---- containment and order

    /** {@code container @> value}: jsonb, arrays, ranges (a range or an element), multiranges, hstore, geometry. */
    public static Condition contains(Field<?> container, Object value) {
        return operator("@>", container, Operands.next(container, value));
    }

    /** {@code field <@ container}: the reverse of {@link #contains}. */
    public static Condition containedBy(Field<?> field, Object container) {
        return operator("<@", field, Operands.next(field, container));
    }

    /** {@code a && b}: arrays with an element in common, ranges or multiranges that overlap. */
    public static Condition overlaps(Field<?> a, Object b) {
        return operator("&&", a, Operands.next(a, b));
    }

    /** {@code a -|- b}: ranges or multiranges that touch without overlapping. */
    public static Condition adjacent(Field<?> a, Object b) {
        return operator("-|-", a, Operands.next(a, b));
    }

    /** {@code a << b}: a range (multirange, geometry) entirely left of {@code b}. */
    public static Condition strictlyLeftOf(Field<?> a, Object b) {
        return operator("<<", a, Operands.next(a, b));
    }

    /** {@code a >> b}: a range (multirange, geometry) entirely right of {@code b}. */
    public static Condition strictlyRightOf(Field<?> a, Object b) {
        return operator(">>", a, Operands.next(a, b));
    }

    /** {@code a + b}: the union of two ranges (an error unless they touch) or of two multiranges. */
    public static <R> Field<R> rangeUnion(Field<R> a, Field<R> b) {
        return arithmetic("+", a, b);
    }

    /** {@code a + b}, {@code b} a range or multirange value. */
    public static <R> Field<R> rangeUnion(Field<R> a, R b) {
        return arithmetic("+", a, Operands.next(a, b));
    }

    /** {@code a * b}: the intersection of two ranges or multiranges, possibly empty. */
    public static <R> Field<R> rangeIntersection(Field<R> a, Field<R> b) {
        return arithmetic("*", a, b);
    }

    /** {@code a * b}, {@code b} a range or multirange value. */
    public static <R> Field<R> rangeIntersection(Field<R> a, R b) {
        return arithmetic("*", a, Operands.next(a, b));
    }

    // ---- arrays

    /**
     * {@code any(array)}, to compare with: {@code DSL.val("sql").eq(Pg.any(tags))} is
     * {@code 'sql' = any(tags)}. Its data type is the array's element type when the field has one.
     */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> any(Field<?> array) {
        DataType<?> type = array.getDataType().isArray() ? array.getDataType().getArrayComponentDataType() : SQLDataType.OTHER;
        return DSL.field("any({0})", (DataType<T>) type, array);
    }

    /** {@code value = any(array)}: whether the array holds the value (a Field or a plain value). */
    public static Condition anyEquals(Object value, Field<?> array) {
        return DSL.condition("{0} = any({1})", group(Operands.bind(value)), array);
    }

    // ---- full text search

    /** {@code tsvector @@ tsquery}: whether the document matches the query. */
    public static Condition match(Field<?> tsvector, Field<?> tsquery) {
        return operator("@@", tsvector, tsquery);
    }

    /** {@code tsvector @@ tsquery}, the query a value. */
    public static Condition match(Field<?> tsvector, TsQuery query) {
        return operator("@@", tsvector, DSL.val(query, PgTypes.TSQUERY));
    }

    /** {@code to_tsvector(config, text)}, with the configuration ({@code english}, {@code simple}, ...) as a regconfig. */
    public static Field<TsVector> toTsVector(String config, Field<String> text) {
        return toTsVector(DSL.val(config, TEXT), text);
    }

    /** {@code to_tsvector(config, text)} of a text value. */
    public static Field<TsVector> toTsVector(String config, String text) {
        return toTsVector(DSL.val(config, TEXT), DSL.val(text, TEXT));
    }

    /** {@code to_tsvector(config, text)}, the configuration from a field. */
    public static Field<TsVector> toTsVector(Field<String> config, Field<String> text) {
        return textSearch("to_tsvector", PgTypes.TSVECTOR, config, text);
    }

    /** {@code plainto_tsquery(config, query)}: the words of plain text, ANDed. */
    public static Field<TsQuery> plainToTsQuery(String config, String query) {
        return plainToTsQuery(DSL.val(config, TEXT), DSL.val(query, TEXT));
    }

    /** {@code plainto_tsquery(config, query)} of a text field. */
    public static Field<TsQuery> plainToTsQuery(String config, Field<String> query) {
        return plainToTsQuery(DSL.val(config, TEXT), query);
    }

    /** {@code plainto_tsquery(config, query)}, the configuration from a field. */
    public static Field<TsQuery> plainToTsQuery(Field<String> config, Field<String> query) {
        return textSearch("plainto_tsquery", PgTypes.TSQUERY, config, query);
    }

    /** {@code phraseto_tsquery(config, query)}: the words of plain text, as a phrase. */
    public static Field<TsQuery> phraseToTsQuery(String config, String query) {
        return phraseToTsQuery(DSL.val(config, TEXT), DSL.val(query, TEXT));
    }

    /** {@code phraseto_tsquery(config, query)}, the configuration from a field. */
    public static Field<TsQuery> phraseToTsQuery(Field<String> config, Field<String> query) {
        return textSearch("phraseto_tsquery", PgTypes.TSQUERY, config, query);
    }

    /**
     * {@code websearch_to_tsquery(config, query)}: search-engine syntax ({@code "a phrase"},
     * {@code or}, {@code -word}) that never fails to parse. PostgreSQL 11+
     * ({@link Capability#WEBSEARCH_TSQUERY}), so on every supported server.
     */
    public static Field<TsQuery> websearchToTsQuery(String config, String query) {
        return websearchToTsQuery(DSL.val(config, TEXT), DSL.val(query, TEXT));
    }

    /** {@code websearch_to_tsquery(config, query)} of a text field. */
    public static Field<TsQuery> websearchToTsQuery(String config, Field<String> query) {
        return websearchToTsQuery(DSL.val(config, TEXT), query);
    }

    /** {@code websearch_to_tsquery(config, query)}, the configuration from a field. */
    public static Field<TsQuery> websearchToTsQuery(Field<String> config, Field<String> query) {
        return textSearch("websearch_to_tsquery", PgTypes.TSQUERY, config, query);
    }

    /** {@code to_tsquery(config, query)}: tsquery syntax ({@code fat & (rat | cat)}); malformed text is a server error. */
    public static Field<TsQuery> toTsQuery(String config, String query) {
        return textSearch("to_tsquery", PgTypes.TSQUERY, DSL.val(config, TEXT), DSL.val(query, TEXT));
    }

    /** {@code ts_rank(tsvector, tsquery)}: a relevance score (a {@code real}), for {@code orderBy(... .desc())}. */
    public static Field<Float> tsRank(Field<?> tsvector, Field<?> tsquery) {
        return DSL.field("ts_rank({0}, {1})", SQLDataType.REAL, tsvector, tsquery);
    }

    /** {@code ts_headline(config, text, tsquery)}: the text with the matches marked ({@code <b>fox</b>}). */
    public static Field<String> tsHeadline(String config, Field<String> text, Field<?> tsquery) {
        return tsHeadline(DSL.val(config, TEXT), text, tsquery);
    }

    /** {@code ts_headline(config, text, tsquery)}, the configuration from a field. */
    public static Field<String> tsHeadline(Field<String> config, Field<String> text, Field<?> tsquery) {
        return DSL.field("ts_headline(cast({0} as regconfig), {1}, {2})", TEXT, config, text, tsquery);
    }

    /**
     * {@code ts_headline(config, text, tsquery, options)}, with options such as
     * {@code "StartSel=[, StopSel=], MaxWords=10"}.
     */
    public static Field<String> tsHeadline(String config, Field<String> text, Field<?> tsquery, String options) {
        return DSL.field("ts_headline(cast({0} as regconfig), {1}, {2}, {3})", TEXT,
                DSL.val(config, TEXT), text, tsquery, DSL.val(options, TEXT));
    }

    // ---- upserts

    /** {@code excluded.field}: the value proposed for insertion, inside {@code onConflict(...).doUpdate()}. */
    public static <T> Field<T> excluded(Field<T> field) {
        return DSL.excluded(field);
    }

    // ---- rendering

    private static Condition operator(String operator, Field<?> left, Field<?> right) {
        // jOOQ parenthesises a plain SQL condition itself
        return DSL.condition("{0} " + operator + " {1}", group(left), group(right));
    }

    private static <R> Field<R> arithmetic(String operator, Field<R> left, Field<?> right) {
        return DSL.field("({0} " + operator + " {1})", left.getDataType(), group(left), group(right));
    }

    private static Condition function(String name, Field<?> first, Field<?> second) {
        return DSL.condition(name + "({0}, {1})", first, second);
    }

    private static <T> Field<T> textSearch(String function, DataType<T> type, Field<String> config, Field<String> text) {
        return DSL.field(function + "(cast({0} as regconfig), {1})", type, config, text);
    }

    private static Field<?> group(Field<?> field) {
        return Operands.group(field);
    }

    private static Field<String[]> textArray(String... values) {
        return DSL.val(values, TEXT.getArrayDataType());
    }

    private static boolean isHstore(Field<?> field) {
        return Operands.isHstore(field.getDataType());
    }
}
