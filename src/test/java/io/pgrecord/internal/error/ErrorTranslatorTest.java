package io.pgrecord.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.error.DataException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.error.SqlSyntaxException;
import org.junit.jupiter.api.Test;

/** The narrow rule that turns input-function syntax errors (42601) into DataException; BadInputTest sees it from the server. */
class ErrorTranslatorTest {

    @Test
    void valuesAnInputFunctionRejectsAreDataErrors() {
        for (String message : new String[] {"syntax error in tsquery: \"a & & b\"", "syntax error in tsvector: \"a:1 b:\"",
                "syntax error at or near \"@\" of jsonpath input", "trailing junk after numeric literal at or near \"1a\" of jsonpath input",
                "ltree syntax error at character 3", "lquery syntax error"}) {
            assertThat(ErrorTranslator.translate(ServerErrorFields.of("42601", message), null)).as(message)
                    .isInstanceOf(DataException.class);
        }
    }

    @Test
    void sqlTheParserRejectsStaysASyntaxError() {
        for (String message : new String[] {"syntax error at or near \"selec\"", "syntax error at end of input",
                "syntax error at or near \"tsquery\""}) {
            assertThat(ErrorTranslator.translate(ServerErrorFields.of("42601", message), null)).as(message)
                    .isInstanceOf(SqlSyntaxException.class).isNotInstanceOf(DataException.class);
        }
        assertThat(ErrorTranslator.translate(ServerErrorFields.of("42883", "syntax error in tsquery"), null))
                .isInstanceOf(SqlSyntaxException.class);
    }
}
