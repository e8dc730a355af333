package io.pgrecord.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.error.DataException;
import io.pgrecord.error.DatabaseException;
import io.pgrecord.error.MappingException;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.models.MoodPlus;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.pgrecord.types.MacAddress;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Input the parser or the server refuses, on both backends: the error is the documented type
 * with a clear message, and nothing is written.
 */
@ExtendWith(PgExtension.class)
class BadInputTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
    }

    private static long rows(TestDatabase db) {
        return (Long) db.queryValue("SELECT count(*) FROM scraps");
    }

    /** Runs the call, expects the exception, and checks the table did not change. */
    private static void refused(TestDatabase db, ThrowingCallable call, Class<? extends Throwable> type, String message) {
        long before = rows(db);
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
        assertThat(rows(db)).isEqualTo(before);
    }

    @BothBackends
    void malformedMacAddressIsRefusedByTheParser(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        refused(db, () -> ops.insert("Scrap", "name", "mac", "mac", MacAddress.parse("08:00:2b:01:02")),
                IllegalArgumentException.class, "invalid input syntax for type macaddr: \"08:00:2b:01:02\"");
        // and text the parser never saw is refused by the server
        refused(db, () -> db.on(exec).execute("INSERT INTO scraps (mac) VALUES ('08:00:2b:xx:02:03')"),
                DataException.class, "invalid input syntax for type macaddr");
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void unknownEnumLabelIsRefusedByTheServer(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        refused(db, () -> db.on(exec).execute("INSERT INTO scraps (name, mood) VALUES ('x', 'ecstatic')"),
                DataException.class, "invalid input value for enum mood: \"ecstatic\"");
        refused(db, () -> ops.all(ops.query("Scrap").where("mood = ?", "ecstatic")),
                DataException.class, "invalid input value for enum mood");
        // a Java constant whose label the database type lacks: the cast fails, the row is not written
        refused(db, () -> ops.insert("Scrap", "name", "plus", "moodPlus", MoodPlus.FURIOUS),
                DataException.class, "invalid input value for enum mood: \"furious\"");
        assertThat((Object) ModelOps.get(ops.insert("Scrap", "moodPlus", MoodPlus.SAD), "moodPlus")).isEqualTo(MoodPlus.SAD);
    }

    @BothBackends
    void nulCharacterInTextIsRefused(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        refused(db, () -> ops.insert("Scrap", "name", "a\u0000b"), DataException.class, "0x00");
        Model ok = ops.create("Scrap", "name", "fine " + exec);
        Model bad = ops.create("Scrap", "name", "bad\u0000");
        refused(db, () -> ops.insertAll("Scrap", List.of(ok, bad)), DataException.class, "0x00");
        refused(db, () -> ops.copyIn("Scrap", List.of(ops.create("Scrap", "name", "fine"), ops.create("Scrap", "name", "bad\u0000"))),
                DataException.class, "0x00");
    }

    @BothBackends
    void aLoneSurrogateIsRefusedByCopyInInEitherFormat(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        // text alone travels in binary; with an interval beside it the copy goes as text
        refused(db, () -> ops.copyIn("Scrap", List.of(ops.create("Scrap", "name", "ok"), ops.create("Scrap", "name", "bad\uDC00"))),
                IllegalArgumentException.class, "unpaired surrogate");
        refused(db, () -> ops.copyIn("Scrap", List.of(ops.create("Scrap", "name", "bad\uD800", "dur", java.time.Duration.ofSeconds(1)))),
                IllegalArgumentException.class, "unpaired surrogate");
    }

    @BothBackends
    void malformedJsonIsRefused(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        refused(db, () -> ops.insert("Scrap", "doc", "{\"a\": "), DataException.class, "invalid input syntax for type json");
        refused(db, () -> ops.insert("Scrap", "doc", "{'a': 1}"), DataException.class, "invalid input syntax for type json");
    }

    @BothBackends
    void malformedRangeIsRefused(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        refused(db, () -> ops.insert("Scrap", "span", "[1,"), DataException.class, "malformed range literal: \"[1,\"");
        refused(db, () -> ops.insert("Scrap", "span", "[5,1)"), DataException.class,
                "range lower bound must be less than or equal to range upper bound");
    }

    @BothBackends
    void textSearchAndJsonPathInputErrorsAreDataErrorsNotSyntaxErrors(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        refused(db, () -> ops.insert("Scrap", "query", "a & & b"), DataException.class, "syntax error in tsquery");
        refused(db, () -> ops.insert("Scrap", "jpath", "$.a ? @"), DataException.class, "of jsonpath input");
        assertThatThrownBy(() -> db.on(exec).fetchValue("SELECT 'a:1 b:'::tsvector")).isInstanceOf(DataException.class)
                .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("42601"));
        // the SQL itself being wrong is still a syntax error
        assertThatThrownBy(() -> ops.all(ops.query("Scrap").where("selec 1"))).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("syntax error at or near");
    }

    @BothBackends
    void valuesAJavaTypeCannotHoldFailWithAMappingException(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String name = "unmappable " + exec;
        db.execute("INSERT INTO scraps (name, dur) VALUES ('" + name + "', '1 mon 2 days')");
        assertThatThrownBy(() -> ops.all(ops.query("Scrap").where("name = ?", name))).isInstanceOf(MappingException.class)
                .hasMessageContaining("interval '1 mon 2 days'").hasMessageContaining("YearToSecond");
        db.execute("UPDATE scraps SET dur = NULL, ip = '10.0.0.1/8' WHERE name = '" + name + "'");
        assertThatThrownBy(() -> ops.all(ops.query("Scrap").where("name = ?", name))).isInstanceOf(MappingException.class)
                .hasMessageContaining("10.0.0.1/8").hasMessageContaining("Inet");
        db.execute("DELETE FROM scraps WHERE name = '" + name + "'");
    }
}
