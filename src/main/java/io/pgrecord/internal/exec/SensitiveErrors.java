package io.pgrecord.internal.exec;

import io.pgrecord.error.DataException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.internal.error.ErrorTranslator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server quotes a value it cannot take in its message ({@code invalid input syntax for type
 * uuid: "..."}, {@code value "..." is out of range}), which an exception carries into logs. In a
 * statement that names a sensitive column, a data error's quoted values are masked, as the SQL
 * log masks binds it cannot tell are not sensitive, and the driver's exception, which quotes
 * them too, is left out.
 */
final class SensitiveErrors {

    /** A double-quoted value; a quote inside one is doubled, as the server writes it. */
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"]|\"\")*\"");

    private SensitiveErrors() {
    }

    static Throwable masked(Throwable failure, String sql, Set<String> listed) {
        if (!(failure instanceof DataException e) || sql == null || !quotes(e.serverMessage()) && !quotes(e.detail())
                || BindColumns.sensitiveNamed(SqlTokens.of(sql), listed).isEmpty()) {
            return failure;
        }
        ServerErrorFields masked = new ServerErrorFields(e.sqlState(), mask(e.serverMessage()), mask(e.detail()), e.hint(),
                e.schemaName(), e.tableName(), e.columnName(), e.constraintName());
        Throwable translated = ErrorTranslator.translate(masked, null);
        translated.setStackTrace(e.getStackTrace());
        return translated;
    }

    private static boolean quotes(String text) {
        return text != null && text.indexOf('"') >= 0;
    }

    private static String mask(String text) {
        return text == null ? null : QUOTED.matcher(text).replaceAll("\"***\"");
    }
}
