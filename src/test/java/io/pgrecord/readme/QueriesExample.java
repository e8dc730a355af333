package io.pgrecord.readme;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.pgrecord.demo.Article;
import io.pgrecord.demo.Booking;
import io.pgrecord.demo.Product;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** The README's "Queries" block, with the demo's {@link Article}, {@link Product} and {@link Booking}. */
final class QueriesExample {

    static final Field<String> USERS_EMAIL = field(name("users", "email"), SQLDataType.CLOB);

    private QueriesExample() {
    }

    static void run(DSLContext dsl) {
        // README: queries-begin
        List<User> admins = User.find.where("metadata->>'role' = ?", "admin").orderBy("-created_at", "name").limit(20).all();
        List<User> active = User.find.query()
                .withCte("active_users", User.find.where("is_active = ?", true))
                .fromCte("active_users").all();
        Article.find.where("? = ANY(tags)", "postgres").all();                        // text[] column, List<String> field
        Product.find.where("attributes @> ?", "{\"brand\": \"Dell\"}").all();      // the string is typed by the server
        Booking.find.where("date_range @> ?", LocalDate.of(2024, 1, 3)).all();       // daterange column, LocalDateRange field
        User.find.where("id IN (?)", List.of(1L, 2L, 3L)).all();                     // a list: one bind per element
        User.find.query().include("posts").all();                                     // 2 statements, however many users
        User.find.where(USERS_EMAIL.eq("a@b.c")).first();                             // any jOOQ Condition
        dsl.select().from(User.find.table()).fetch(User.find.mapper());               // raw jOOQ into models
        // README: queries-end
    }
}
