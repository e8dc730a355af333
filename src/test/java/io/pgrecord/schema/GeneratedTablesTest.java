package io.pgrecord.schema;

import static io.pgrecord.generated.Tables.BOOKINGS;
import static io.pgrecord.generated.Tables.DEVICES;
import static io.pgrecord.generated.Tables.POSTS;
import static io.pgrecord.generated.Tables.USERS;
import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.Pg;
import io.pgrecord.error.ExclusionViolationException;
import io.pgrecord.generated.tables.records.DevicesRecord;
import io.pgrecord.models.AsyncUser;
import io.pgrecord.models.User;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.Migrations;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.postgres.extensions.types.Hstore;
import org.jooq.postgres.extensions.types.Inet;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** The classes jOOQ generated from codegen-config/migrations, used together with the models. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class GeneratedTablesTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Migrations.apply(db);
    }

    @Test
    void generatedFieldsCarryTheExtensionTypes() {
        assertThat(BOOKINGS.DATE_RANGE.getType()).isEqualTo(LocalDateRange.class);
        assertThat(DEVICES.ADDRESS.getType()).isEqualTo(Inet.class);
        assertThat(DEVICES.LABELS.getType()).isEqualTo(Hstore.class);
        assertThat(DEVICES.HOSTNAME.getType()).isEqualTo(String.class);
        assertThat(USERS.EMAIL.getName()).isEqualTo("email");
        assertThat(org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).render(USERS.EMAIL))
                .isEqualTo("\"users\".\"email\"");                         // outputSchemaToDefault: no schema in SQL
    }

    @BothBackends
    void modelQueriesTakeGeneratedConditionsAndGeneratedSelectsMapToModels(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String email = "gen-" + exec + "@example.com";
        Model ann = ops.insert("User", "name", "Gen " + exec, "email", email);
        ops.insert("Post", "userId", get(ann, "id"), "title", "typed " + exec);

        Model found = ops.one(ops.<Model>query("User").where(USERS.EMAIL.eq(email)));             // User.find.where(USERS.EMAIL.eq(...))
        assertThat((Long) get(found, "id")).isEqualTo(get(ann, "id"));

        List<? extends Model> mapped = exec == Exec.JDBC
                ? db.blocking().dsl().selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetch(User.find.mapper())
                : Flux.from(db.async().dsl().selectFrom(USERS).where(USERS.EMAIL.eq(email))).map(AsyncUser.find.mapper()::map)
                        .collectList().block(Duration.ofSeconds(30));
        assertThat(mapped).singleElement().satisfies(u -> {
            assertThat((String) get(u, "name")).isEqualTo("Gen " + exec);
            assertThat((Integer) get(u, "score")).isEqualTo(10);
            assertThat(u.isNew()).isFalse();
        });

        List<Model> posts = ops.all(ops.<Model>query("Post").join(USERS, USERS.ID.eq(POSTS.USER_ID)).where(USERS.EMAIL.eq(email)));
        assertThat(posts).extracting(p -> (String) get(p, "title")).containsExactly("typed " + exec);
    }

    @BothBackends
    void generatedTablesBindExtensionTypesAndRaiseTheUsualErrors(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        AnyBackend backend = db.on(exec);
        int room = exec == Exec.JDBC ? 7 : 8;
        LocalDateRange jan = LocalDateRange.localDateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 10));
        ops.insert("Booking", "room", room, "dateRange", jan);

        assertThat(ops.all(ops.<Model>query("Booking").where(BOOKINGS.ROOM.eq(room), Pg.contains(BOOKINGS.DATE_RANGE, LocalDate.of(2024, 1, 3)))))
                .singleElement().satisfies(b -> assertThat((LocalDateRange) get(b, "dateRange")).isEqualTo(jan));
        assertThatThrownBy(() -> backend.execute(backend.dsl().insertInto(BOOKINGS).set(BOOKINGS.ROOM, room)
                .set(BOOKINGS.DATE_RANGE, LocalDateRange.localDateRange(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 6)))))
                .isInstanceOf(ExclusionViolationException.class);

        String host = "Host-" + exec;
        backend.execute(backend.dsl().insertInto(DEVICES).set(DEVICES.HOSTNAME, host)
                .set(DEVICES.ADDRESS, Inet.inet(InetAddress.getLoopbackAddress()))
                .set(DEVICES.LABELS, Hstore.hstore(Map.of("rack", "a'1"))));
        List<DevicesRecord> rows = backend.fetch(backend.dsl().selectFrom(DEVICES)
                .where(DEVICES.HOSTNAME.eq(host.toLowerCase(java.util.Locale.ROOT))));        // citext compares case-insensitively
        assertThat(rows).singleElement().satisfies(device -> {
            assertThat(device.getHostname()).isEqualTo(host);
            assertThat(device.getAddress().address()).isEqualTo(InetAddress.getLoopbackAddress());
            assertThat(device.getLabels().data()).containsEntry("rack", "a'1");
        });
    }
}
