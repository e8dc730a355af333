package io.pgrecord.internal.model;

import io.pgrecord.error.MappingException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.error.SqlSyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Explains server errors that mean a model does not match its table. */
public final class ModelErrors {

    /** {@code column "x" of relation "t" does not exist}, {@code column t.x does not exist}, {@code column "x" does not exist}. */
    private static final Pattern UNDEFINED_COLUMN = Pattern.compile("column \"?(?:[^\" .]+\\.)?([^\" ]+)\"? (?:of relation \"[^\"]+\" )?does not exist");

    /** {@code relation "t" does not exist}. */
    private static final Pattern UNDEFINED_TABLE = Pattern.compile("relation \"([^\"]+)\" does not exist");

    private ModelErrors() {
    }

    /**
     * A {@link MappingException} naming the field and column for an undefined column of the
     * model; for a missing table whose name was derived from the class name, the same
     * {@link SqlSyntaxException} with a hint to add {@code @Table}; the error itself otherwise.
     */
    public static Throwable explain(ModelMeta<?> meta, Throwable error) {
        // a converter's MappingException (an enum label without a constant, an interval with
        // months read into a Duration) reaches us wrapped in jOOQ's "Error while reading field"
        for (Throwable t = error.getCause(); t != null && !(error instanceof MappingException); t = t.getCause()) {
            if (t instanceof MappingException m) {
                return m;
            }
        }
        if (error instanceof SqlSyntaxException e && "42P01".equals(e.sqlState()) && meta.tableNameDerived()) {
            Matcher m = UNDEFINED_TABLE.matcher(e.serverMessage());
            String derived = meta.tableName().last();
            if (m.find() && m.group(1).equals(derived) && !e.getMessage().contains("add @Table(")) {
                String hint = "the table name " + derived + " was derived from the class name; add @Table(\"...\") to "
                        + meta.type().getSimpleName() + " with the name of its table";
                ServerErrorFields fields = new ServerErrorFields(e.sqlState(), e.serverMessage(), e.detail(),
                        e.hint() != null ? e.hint() : hint, e.schemaName(), e.tableName(), e.columnName(), e.constraintName());
                return new SqlSyntaxException(e.getMessage() + "; " + hint, fields, e);
            }
        }
        if (error instanceof SqlSyntaxException e && "42703".equals(e.sqlState())) {
            Matcher m = UNDEFINED_COLUMN.matcher(e.serverMessage());
            if (m.find()) {
                FieldMeta f = meta.byColumn(m.group(1));
                if (f != null) {
                    return new MappingException("field " + meta.type().getSimpleName() + "." + f.javaName() + " maps to column "
                            + f.column() + ", which table " + meta.tableName() + " does not have; add the column, rename it with "
                            + "@Column(name=...) or mark the field @Transient", e);
                }
            }
        }
        return error;
    }

    public static RuntimeException explainRuntime(ModelMeta<?> meta, RuntimeException error) {
        return (RuntimeException) explain(meta, error);
    }
}
