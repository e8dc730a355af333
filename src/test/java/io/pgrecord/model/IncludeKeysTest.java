package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.pgrecord.Model;
import io.pgrecord.error.TooManyRowsException;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** include(...) gives what the lazy load gives: across key types, and without soft-deleted targets. */
@ExtendWith(PgExtension.class)
class IncludeKeysTest {

    @BeforeAll
    static void data(TestDatabase db) {
        db.execute("CREATE TABLE ie_authors (id bigint PRIMARY KEY, name text)",
                "CREATE TABLE ie_notes (id bigint PRIMARY KEY, author_id integer REFERENCES ie_authors, body text)",
                "CREATE TABLE ie_books (id bigint PRIMARY KEY, title text)",
                "CREATE TABLE ie_genres (id bigint PRIMARY KEY, name text, deleted_at timestamptz)",
                "CREATE TABLE ie_books_genres (book_id bigint REFERENCES ie_books, genre_id bigint REFERENCES ie_genres)",
                "INSERT INTO ie_authors VALUES (1, 'ann'), (2, 'bob')",
                "INSERT INTO ie_notes VALUES (10, 1, 'n-ann'), (11, 2, 'n-bob-1'), (12, 2, 'n-bob-2')",
                "INSERT INTO ie_books VALUES (20, 'emma'), (21, 'dune')",
                "INSERT INTO ie_genres VALUES (30, 'fiction', null), (31, 'old', now()), (32, 'sf', null)",
                "INSERT INTO ie_books_genres VALUES (20, 30), (20, 31), (21, 31), (21, 32)");
    }

    /** An integer foreign key column on a bigint id: an Integer field pointing at a Long one. */
    @BothBackends
    void anIntegerForeignKeyFindsItsLongOwner(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Model> authors = ops.all(ops.<Model>query("IeAuthor").orderBy("id").include("notes"));
        assertThat(authors).extracting(a -> ops.<Model>many(a, "notes").stream().map(n -> (String) get(n, "body")).toList())
                .containsExactly(List.of("n-ann"), List.of("n-bob-1", "n-bob-2"));
        List<Model> notes = ops.all(ops.<Model>query("IeNote").orderBy("id").include("author"));
        assertThat(notes).extracting(n -> (String) get(ops.single(n, "author"), "name")).containsExactly("ann", "bob", "bob");
    }

    @BothBackends
    void aManyToManyIncludeHidesSoftDeletedTargetsAsTheLazyLoadDoes(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Model> books = ops.all(ops.<Model>query("IeBook").orderBy("id").include("genres"));
        assertThat(books).extracting(b -> ops.<Model>many(b, "genres").stream().map(g -> (String) get(g, "name")).toList())
                .containsExactly(List.of("fiction"), List.of("sf"));
        Model lazy = ops.getById("IeBook", 20L);
        assertThat(ops.<Model>many(lazy, "genres")).extracting(g -> (String) get(g, "name")).containsExactly("fiction");
        // the owners' keys go as one array bind, as in the other includes, not as an IN list
        ops.log().start();
        ops.all(ops.<Model>query("IeBook").include("genres"));
        assertThat(ops.log().stop()).last().asString().contains("= any(");
    }

    /** A union loads what either side includes, for all its rows. */
    @BothBackends
    @SuppressWarnings({"unchecked", "rawtypes"}) // the two sides built by name are of one query type
    void aUnionLoadsWhatEitherSideIncludes(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        io.pgrecord.QueryBuilder left = ops.<Model>query("IeBook").where("id = ?", 20L);
        io.pgrecord.QueryBuilder right = ops.<Model>query("IeBook").where("id = ?", 21L).include("genres");
        List<Model> books = ops.all((io.pgrecord.QueryBuilder<Model, ?>) left.union(right).orderBy("id"));
        assertThat(books).hasSize(2).allSatisfy(b -> assertThat(((io.pgrecord.Relation<?>) get(b, "genres")).isLoaded()).isTrue());
    }

    /**
     * An include whose owners' select(...) leaves out the column it matches rows by is refused
     * before any SQL: the relations would load empty, or null, without a word.
     */
    @BothBackends
    void anIncludeNeedsItsKeyInTheOwnersProjection(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> ops.all(ops.<Model>query("IeAuthor").select(field(name("name"))).include("notes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("include(\"notes\")").hasMessageContaining("column id");
        assertThatThrownBy(() -> ops.all(ops.<Model>query("IeNote").select(field(name("id")), field(name("body"))).include("author")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column author_id");
        assertThatThrownBy(() -> ops.all(ops.<Model>query("IeBook").select(field(name("title"))).include("genres")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column id");
        assertThatThrownBy(() -> ops.all(ops.<Model>query("IeBook").include((String) null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("include got a null relation name");
        assertThat(ops.log().stop()).isEmpty();
        List<Model> notes = ops.all(ops.<Model>query("IeNote").select(field(name("id")), field(name("author_id")))
                .orderBy("id").include("author"));
        assertThat(notes).extracting(n -> (String) get(ops.single(n, "author"), "name")).containsExactly("ann", "bob", "bob");
    }

    /** one() refuses a second row before loading any relation of the two. */
    @BothBackends
    void oneRefusesASecondRowWithoutLoadingItsIncludes(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> ops.one(ops.<Model>query("IeAuthor").include("notes"))).isInstanceOf(TooManyRowsException.class);
        assertThat(ops.log().stop()).hasSize(1);
        Model ann = ops.one(ops.<Model>query("IeAuthor").where("id = ?", 1L).include("notes"));
        assertThat(ops.<Model>many(ann, "notes")).extracting(n -> (String) get(n, "body")).containsExactly("n-ann");
    }
}
