package io.pgrecord.internal.model;

import io.pgrecord.error.MappingException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.internal.error.Causes;
import io.pgrecord.internal.error.UnreadableColumnException;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Explains server errors that mean a model does not match its table. */
public final class ModelErrors {

    /** {@code column "x" of relation "t" does not exist}: a column an INSERT, UPDATE or COPY names in its table. */
    private static final Pattern NOT_IN_RELATION = Pattern.compile("^column \"(.+)\" of relation \"(.+)\" does not exist");

    /** {@code column t.x does not exist}: {@code t} is the name a FROM item goes by, a table's or an alias. */
    private static final Pattern NOT_IN_FROM_ITEM = Pattern.compile("^column (.+)\\.([^.]+) does not exist");

    /** {@code column "x" does not exist}. */
    private static final Pattern UNQUALIFIED = Pattern.compile("^column \"(.+)\" does not exist");

    /** {@code relation "t" does not exist}. */
    private static final Pattern UNDEFINED_TABLE = Pattern.compile("relation \"([^\"]+)\" does not exist");

    private ModelErrors() {
    }

    /**
     * Where the columns of a statement's model come from, which says whether an undefined one
     * is the table's: the server names a column by the FROM item it looked in, and rows read
     * under the table's name (a CTE's, a set operation's) are not the table.
     */
    public enum Source {
        /** The model's own statements: loads by id, inserts, updates, upserts, copies. */
        RECORD,
        /** A query that reads the model's table. */
        TABLE,
        /** A query that reads other rows under the table's name: {@code fromCte}, a set operation. */
        ROWS
    }

    /** As {@link #explain(ModelMeta, Source, Throwable)} for the model's own statements. */
    public static Throwable explain(ModelMeta<?> meta, Throwable error) {
        return explain(meta, Source.RECORD, error);
    }

    /**
     * A {@link MappingException} naming the field and column for a column of the model that its
     * table does not have, or for a column value its field cannot hold that no statement
     * described yet (a stream's); for a missing table whose name was derived from the class
     * name, the same {@link SqlSyntaxException} with a hint to add {@code @Table}; the error
     * itself otherwise (an undefined column of the caller's SQL, a joined table's or a CTE's).
     */
    public static Throwable explain(ModelMeta<?> meta, Source source, Throwable error) {
        if (error instanceof UnreadableColumnException u) {
            FieldMeta f = u.column() == null ? null : meta.byColumn(u.column().substring(u.column().lastIndexOf('.') + 1));
            return f == null ? u : mismatch(meta, f, u.serverType(), u.reason(), u.getCause());
        }
        // a converter's MappingException (an enum label without a constant, an interval with
        // months read into a Duration) reaches us wrapped in jOOQ's "Error while reading field"
        // (or in the PgRecordException made of it); an application's exception stays as it is
        boolean wrapped = error instanceof org.jooq.exception.DataAccessException
                || error.getClass() == io.pgrecord.error.PgRecordException.class;
        for (Throwable t = error.getCause(); t != null && wrapped; t = t.getCause()) {
            if (t instanceof MappingException m) {
                return m;
            }
        }
        if (error instanceof SqlSyntaxException e && "42P01".equals(e.sqlState()) && meta.tableNameDerived()) {
            Matcher m = UNDEFINED_TABLE.matcher(e.serverMessage());
            String derived = meta.tableName().last();
            if (m.find() && m.group(1).equals(derived) && !e.getMessage().contains("add @Table(")) {
                return withHint(e, "the table name " + derived + " was derived from the class name; add @Table(\"...\") to "
                        + meta.type().getSimpleName() + " with the name of its table");
            }
        }
        if (error instanceof SqlSyntaxException e && "42703".equals(e.sqlState())) {
            FieldMeta f = missingFromTable(meta, source, e.serverMessage());
            if (f != null) {
                return new MappingException("field " + meta.type().getSimpleName() + "." + f.javaName() + " maps to column "
                        + f.column() + ", which table " + meta.tableName() + " does not have; add the column, rename it with "
                        + "@Column(name=...) or mark the field @Transient", e);
            }
            Matcher m = NOT_IN_FROM_ITEM.matcher(e.serverMessage());
            String table = meta.tableName().last();
            if (source == Source.ROWS && m.find() && m.group(1).equals(table) && !e.getMessage().contains("(fromCte)")) {
                return withHint(e, table + " names the rows the query reads (fromCte) or combines (union, intersect, except) here,"
                        + " not the table");
            }
        }
        return error;
    }

    /** The same error with {@code hint} added to its message, and as its hint when the server gave none. */
    private static SqlSyntaxException withHint(SqlSyntaxException e, String hint) {
        ServerErrorFields fields = new ServerErrorFields(e.sqlState(), e.serverMessage(), e.detail(),
                e.hint() != null ? e.hint() : hint, e.schemaName(), e.tableName(), e.columnName(), e.constraintName());
        return new SqlSyntaxException(e.getMessage() + "; " + hint, fields, e);
    }

    /**
     * The field whose column the server says is not in the model's table, or null when the
     * column it names is another's: a FROM item's that is not the table (a joined table, a
     * subquery, a CTE or set operation read under the table's name), or, unqualified, one the
     * caller's SQL in a query names. The model's own statements name their columns in the table
     * ({@code INSERT}, {@code SET}), qualified by it, by {@code excluded}, {@code old} or
     * {@code new}, or unqualified ({@code ON CONFLICT (x)}).
     */
    private static FieldMeta missingFromTable(ModelMeta<?> meta, Source source, String message) {
        String table = meta.tableName().last();
        Matcher m = NOT_IN_RELATION.matcher(message);
        if (m.find()) {
            return m.group(2).equals(table) ? meta.byColumn(m.group(1)) : null;
        }
        m = NOT_IN_FROM_ITEM.matcher(message);
        if (m.find()) {
            String item = m.group(1);
            boolean theTable = item.equals(table) ? source != Source.ROWS : List.of("excluded", "old", "new").contains(item);
            return theTable ? meta.byColumn(m.group(2)) : null;
        }
        m = UNQUALIFIED.matcher(message);
        return m.find() && source == Source.RECORD ? meta.byColumn(m.group(1)) : null;
    }

    public static RuntimeException explainRuntime(ModelMeta<?> meta, RuntimeException error) {
        return (RuntimeException) explain(meta, error);
    }

    public static RuntimeException explainRuntime(ModelMeta<?> meta, Source source, RuntimeException error) {
        return (RuntimeException) explain(meta, source, error);
    }

    /**
     * The stream, with a failure raised while it is consumed (a cursor's next rows) explained
     * as {@link #explain} does; closing it closes {@code stream}.
     */
    public static <T> Stream<T> explained(ModelMeta<?> meta, Source source, Stream<T> stream) {
        Spliterator<T> rows = stream.spliterator();
        Spliterator<T> explained = new Spliterators.AbstractSpliterator<>(rows.estimateSize(),
                rows.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED)) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    return rows.tryAdvance(action);
                } catch (RuntimeException e) {
                    throw explainRuntime(meta, source, e);
                }
            }
        };
        return StreamSupport.stream(explained, false).onClose(stream::close);
    }

    /** A column of the model's projection, at {@code index}, whose value its field cannot hold. */
    static MappingException unreadable(ModelMeta<?> meta, int index, UnreadableColumnException failure) {
        if (index < 0 || index >= meta.fields().size()) {
            return failure;
        }
        FieldMeta f = meta.fields().get(index);
        // jOOQ's reactive read does not always say the column's type: the field's mapping does
        String type = failure.knowsServerType() ? failure.serverType()
                : !f.sqlType().isEmpty() ? f.sqlType() : f.dataType().getTypeName();
        return mismatch(meta, f, type, failure.reason(), failure.getCause());
    }

    /**
     * A row whose values do not fit the fields' types, found after filling them failed with
     * {@code error}: the exception naming the first field that does not fit, or {@code error}.
     */
    static RuntimeException unfit(ModelMeta<?> meta, Object[] row, RuntimeException error) {
        List<FieldMeta> fields = meta.fields();
        for (int i = 0; i < Math.min(row.length, fields.size()); i++) {
            FieldMeta f = fields.get(i);
            if (row[i] != null && !MethodType.methodType(f.type()).wrap().returnType().isInstance(row[i])) {
                return mismatch(meta, f, "read as " + row[i].getClass().getName(), Causes.messageOf(error), error);
            }
        }
        return error;
    }

    /**
     * The model ↔ table mismatch of one field: its column returns what its Java type cannot
     * hold. Names the model, the field, the column, the column's type and the field's type; the
     * value of a {@code @Sensitive} field is left out, with the driver's message that holds it.
     *
     * @param columnType the column's server type, or how its value arrived ({@code read as java.lang.String})
     */
    static MappingException mismatch(ModelMeta<?> meta, FieldMeta f, String columnType, String reason, Throwable cause) {
        String why = f.isSensitive() ? "value withheld, the field is @Sensitive"
                : reason == null ? String.valueOf(cause)
                : reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        String message = "cannot read column " + String.join(".", meta.tableName().getName()) + "." + f.column()
                + " (" + columnType + ") into field " + meta.type().getSimpleName() + "." + f.javaName()
                + " (" + f.type().getTypeName() + "): " + why
                + "; give the field a Java type that the column's type maps to, or change the column";
        return new MappingException(message, f.isSensitive() ? null : cause);
    }
}
