package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.types.TypeMapper;
import io.pgrecord.models.Mood;
import io.pgrecord.models.OrderStatus;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Java enums as PostgreSQL enums, scalars and arrays, on both backends: labels that need
 * quoting arrive exactly, the label {@code NULL} is not SQL NULL, the writer always casts, and
 * a label Java does not know is a clear {@link MappingException}.
 */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class EnumMappingTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
    }

    @Test
    void typeNamesComeFromPgEnumOrTheSnakeCaseName() {
        assertThat(TypeMapper.enumTypeName(Mood.class)).isEqualTo("\"mood\"");
        assertThat(TypeMapper.enumTypeName(OrderStatus.class)).isEqualTo("\"order_status\"");
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void everyLabelArrivesExactly(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        for (Mood mood : Mood.values()) {
            Model m = ops.insert("Specimen", "mood", mood, "moodArr", new Mood[] {mood, null});
            Object id = get(m, "id");
            List<Object> row = db.query("SELECT mood::text, mood_arr[1]::text, mood_arr[2] IS NULL, array_length(mood_arr, 1)"
                    + " FROM specimens WHERE id = " + id).get(0);
            assertThat(row).as(mood.name()).containsExactly(Mood.labelOf(mood), Mood.labelOf(mood), true, 2);
            Model back = ops.getById("Specimen", id);
            assertThat((Object) get(back, "mood")).isEqualTo(mood);
            assertThat((Mood[]) get(back, "moodArr")).containsExactly(mood, null);
        }
    }

    @BothBackends
    @SuppressWarnings({"cast", "unchecked"}) // the (Object) cast makes assertThat take the generic field read as an Object; fields read by name through ModelOps come back untyped
    void theLabelNullIsNotSqlNull(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Mood> moods = new ArrayList<>(Arrays.asList(Mood.NULL_TEXT, null, Mood.EMPTY));
        Model m = ops.insert("Specimen", "mood", Mood.NULL_TEXT, "moods", moods);
        List<Object> row = db.query("SELECT mood IS NULL, mood::text, moods[1]::text, moods[2] IS NULL, moods[3]::text"
                + " FROM specimens WHERE id = " + get(m, "id")).get(0);
        assertThat(row).containsExactly(false, "NULL", "NULL", true, "");
        Model back = ops.getById("Specimen", get(m, "id"));
        assertThat((Object) get(back, "mood")).isEqualTo(Mood.NULL_TEXT);
        assertThat((List<Mood>) get(back, "moods")).containsExactly(Mood.NULL_TEXT, null, Mood.EMPTY);
    }

    @BothBackends
    void theWriterAlwaysCasts(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        ops.insert("Specimen", "mood", Mood.OK, "moods", List.of(Mood.SAD), "moodGrid", new Mood[][] {{Mood.OK}});
        String insert = ops.log().stop().get(0);
        assertThat(insert.replaceAll("\\$\\d+", "?")).contains("cast(? as \"mood\")").contains("cast(? as \"mood\"[])");
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void enumsAndEnumListsBindInRawSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model a = ops.insert("Specimen", "mood", Mood.COMMA, "status", OrderStatus.SHIPPED);
        Model b = ops.insert("Specimen", "mood", Mood.QUOTES);
        List<Object> found = ops.all(ops.query("Specimen").where("mood = ANY(?)", List.of(Mood.COMMA, Mood.QUOTES))
                .where("id IN (?, ?)", get(a, "id"), get(b, "id")));
        assertThat(found).hasSize(2);
        assertThat(ops.all(ops.query("Specimen").where("status = ?", OrderStatus.SHIPPED).where("id = ?", (Object) get(a, "id")))).hasSize(1);
        assertThat(ops.all(ops.query("Specimen").where("moods @> ?", List.of(Mood.BACKSLASH)).where("id = ?", (Object) get(a, "id")))).isEmpty();
    }

    @BothBackends
    void aLabelJavaDoesNotKnowIsAMappingError(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        db.execute("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ecstatic'");
        long id = (Long) db.queryValue("INSERT INTO specimens (mood) VALUES ('ecstatic') RETURNING id");
        assertThatThrownBy(() -> ops.getById("Specimen", id)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'ecstatic'").hasMessageContaining(Mood.class.getName());
        db.execute("UPDATE specimens SET mood = NULL, moods = '{sad,ecstatic}' WHERE id = " + id);
        assertThatThrownBy(() -> ops.getById("Specimen", id)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'ecstatic'");
        db.execute("DELETE FROM specimens WHERE id = " + id);
    }
}
