package io.pgrecord.demo;

import static io.pgrecord.generated.Tables.POSTS;
import static io.pgrecord.generated.Tables.USERS;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.error.StaleRecordException;
import io.pgrecord.schema.SchemaManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.postgres.extensions.types.LocalDateRange;
import reactor.core.publisher.Flux;

/** The README's model examples, blocking then reactive, printed as they run. */
final class ModelTour {

    private ModelTour() {
    }

    /** The tables, from the models themselves: {@code SchemaManager.createTable}. */
    static void schema(PostgresBackend backend) {
        SchemaManager schema = backend.schema();
        for (Class<?> model : List.of(Post.class, User.class, Article.class, Product.class, Booking.class)) {
            schema.dropTableIfExists(model);
        }
        for (Class<?> model : List.of(User.class, Post.class, Article.class, Product.class, Booking.class)) {
            schema.createTable(model);
        }
        System.out.println("\n-- schema from the models");
        backend.inspector().columns("users").forEach(c -> System.out.println("  users." + c.name() + " " + c.type()
                + (c.nullable() ? "" : " not null") + (c.identity() ? " identity" : "")
                + (c.defaultValue() == null ? "" : " default " + c.defaultValue())));
        backend.inspector().foreignKeys("posts").forEach(fk -> System.out.println("  " + fk.name() + ": posts" + fk.columns()
                + " -> " + fk.referencedTable() + fk.referencedColumns() + " on delete " + fk.onDelete()));
    }

    static void blocking(PostgresBackend backend) {
        System.out.println("\n-- models, blocking");
        ActiveRecord.configure(backend);

        User ann = new User();
        ann.name = "Ann";
        ann.email = "ann@example.com";
        ann.metadata = Map.of("role", "admin");
        ann.save();                                                       // INSERT ... RETURNING
        System.out.println("saved user id=" + ann.id + " active=" + ann.isActive + " version=" + ann.lockVersion);

        ann.email = "ann@example.org";
        System.out.println("dirty fields: " + ann.dirtyFields());
        ann.save();                                                       // UPDATE users SET email = ... only
        System.out.println("after update version=" + ann.lockVersion + ", a clean save writes " + ann.save() + " rows");

        User bob = new User();
        bob.name = "Bob";
        bob.isActive = false;
        bob.metadata = Map.of("role", "user");
        bob.save();

        User stale = User.find.getById(ann.id);
        ann.name = "Anne";
        ann.save();
        stale.name = "Ann (stale copy)";
        try {
            stale.save();
        } catch (StaleRecordException e) {
            System.out.println("stale save refused: " + e.getMessage());
        }

        List<User> admins = User.find.where("metadata->>'role' = ?", "admin").orderBy("-created_at", "name").limit(20).all();
        System.out.println("admins (->>): " + admins.stream().map(u -> u.name).toList());

        List<User> active = User.find.query()
                .withCte("active_users", User.find.where("is_active = ?", true))
                .fromCte("active_users").all();
        System.out.println("active users via CTE: " + active.stream().map(u -> u.name).toList());

        Article a = new Article();
        a.title = "Why PostgreSQL";
        a.tags = List.of("postgres", "databases");
        a.save();
        System.out.println("articles tagged postgres (ANY): "
                + Article.find.where("? = ANY(tags)", "postgres").all().stream().map(x -> x.title).toList());

        Product p = new Product();
        p.name = "XPS 13";
        p.attributes = Map.of("brand", "Dell", "ram", 16);
        p.save();
        System.out.println("Dell products (@>): "
                + Product.find.where("attributes @> ?", "{\"brand\": \"Dell\"}").all().stream().map(x -> x.name).toList());

        Booking b = new Booking();
        b.room = 101;
        b.dateRange = LocalDateRange.localDateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5));
        b.save();
        System.out.println("bookings on 2024-01-03 (daterange @>): "
                + Booking.find.where("date_range @> ?", LocalDate.of(2024, 1, 3)).all().size());

        for (String title : List.of("Hello", "Postgres tips")) {
            Post post = new Post();
            post.userId = ann.id;
            post.title = title;
            post.save();
        }
        backend.statementLog().start();
        List<User> withPosts = User.find.query().include("posts").orderBy("name").all();
        int statements = backend.statementLog().stop().size();
        withPosts.forEach(u -> System.out.println("  " + u.name + ": " + u.posts.get().stream().map(x -> x.title).toList()));
        System.out.println("include(\"posts\") used " + statements + " statements for " + withPosts.size() + " users");
        // generated tables (codegen-config/) and models together
        User byEmail = User.find.where(USERS.EMAIL.eq("ann@example.org")).first().orElseThrow();
        List<User> viaJooq = backend.dsl().selectFrom(USERS).where(USERS.IS_ACTIVE).orderBy(USERS.NAME).fetch(User.find.mapper());
        System.out.println("generated USERS.EMAIL finds " + byEmail.name + "; selectFrom(USERS) mapped to models: "
                + viaJooq.stream().map(u -> u.name).toList());
        List<Post> annsPosts = Post.find.query().join(USERS, USERS.ID.eq(POSTS.USER_ID)).where(USERS.NAME.eq("Anne")).all();
        System.out.println("posts joined with generated USERS: " + annsPosts.stream().map(x -> x.title).toList());
        Post first = Post.find.query().orderBy("id").first().orElseThrow();
        System.out.println("post '" + first.title + "' belongs to " + first.user.get().name);
        System.out.println("users: " + User.find.count() + ", with score sum of ids " + User.find.query().sum("id"));
    }

    static void reactive(AsyncPostgresBackend async) {
        System.out.println("\n-- models, reactive");
        AsyncActiveRecord.configure(async);
        AsyncUser cy = new AsyncUser();
        cy.name = "Cy";
        cy.metadata = Map.of("role", "admin");
        cy.save().block();
        System.out.println("saved async user id=" + cy.id);
        AsyncUser.find.where("metadata->>'role' = ?", "admin").orderBy("name").all()
                .doOnNext(u -> System.out.println("  admin: " + u.name))
                .blockLast();
        AsyncUser ann = AsyncUser.find.where("email = ?", "ann@example.org").one().block();
        System.out.println("Ann's posts (async relation): " + ann.posts.get().map(p -> p.title).collectList().block());
        Long count = AsyncUser.find.count().block();
        System.out.println("async count: " + count);
        Flux.fromIterable(List.of("Dee", "Eve"))
                .map(name -> {
                    AsyncUser u = new AsyncUser();
                    u.name = name;
                    return u;
                })
                .concatMap(AsyncUser::save)
                .blockLast();
        System.out.println("users now: " + AsyncUser.find.count().block());
    }
}
