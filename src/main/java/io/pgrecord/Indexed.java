package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index that {@code SchemaManager.createTable} creates with a model's table. Repeat it for
 * several indexes. (It is not called {@code @Index} because {@code io.pgrecord.schema.Index} is
 * the builder for indexes created on their own.)
 * {@snippet class=io.pgrecord.javadoc.Booking region=indexed}
 * Capability gates apply as for the builder: {@code include} needs 11, {@code nullsNotDistinct} 15.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexed.List.class)
public @interface Indexed {

    /** The indexed columns, by column name or Java field name, in order. */
    String[] value();

    /** The index name; default {@code <table>_<columns>_idx}, as PostgreSQL would choose. */
    String name() default "";

    /** A UNIQUE index. */
    boolean unique() default false;

    /** The access method: btree (default), hash, gist, gin, brin or spgist. */
    String using() default "";

    /** A predicate that makes a partial index, e.g. {@code "deleted_at IS NULL"}. */
    String where() default "";

    /** Non-key columns stored in the index ({@code INCLUDE}, PostgreSQL 11+). */
    String[] include() default {};

    /** For a unique index, treat NULLs as equal ({@code NULLS NOT DISTINCT}, PostgreSQL 15+). */
    boolean nullsNotDistinct() default false;

    /** Build with {@code CREATE INDEX CONCURRENTLY}, outside the table's transaction. */
    boolean concurrently() default false;

    /** The container that makes {@link Indexed} repeatable. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Indexed[] value();
    }
}
