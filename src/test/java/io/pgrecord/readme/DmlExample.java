package io.pgrecord.readme;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.pgrecord.Change;
import io.pgrecord.Pg;
import io.pgrecord.Upsert;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * The README's "PostgreSQL DML" block. Compiled, not run: its lines show the forms on tables
 * with the columns they name ({@code email}, {@code slug}, {@code price}, {@code score}).
 */
final class DmlExample {

    static final Field<BigDecimal> PRICE = field(name("price"), SQLDataType.NUMERIC);

    private DmlExample() {
    }

    static void run(User user, List<User> users) {
        // README: dml-begin
        user.upsert("email");                                                     // ON CONFLICT (email) DO UPDATE SET <others> = EXCLUDED...
        user.upsert(Upsert.on("email").doNothing());                              // 0 when the row exists; the instance stays new
        user.upsert(Upsert.onConstraint("users_email_key").set("name"));
        user.upsert(Upsert.on("slug").where("active").updateWhere(PRICE.lt(Pg.excluded(PRICE))));  // partial unique index
        User.find.upsertAll(users, Upsert.on("email"));                           // one statement per chunk, every row returned
        User.find.mergeAll(users, "email");                                       // MERGE (15+); models filled from RETURNING on 17+
        List<Change<User>> changes = User.find.where("score < ?", 10).updateAllReturning(Map.of("score", 10));   // RETURNING old/new (18+)
        User.find.query().orderBy("-score").limit(3).withTies().all();            // FETCH FIRST 3 ROWS WITH TIES (13+)
        // README: dml-end
    }
}
