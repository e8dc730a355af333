package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column details for a model field. Every attribute is optional.
 * {@snippet class=io.pgrecord.javadoc.Subscriber region=column}
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

    /** The column name; default: the snake_case of the field name. */
    String name() default "";

    /** The PostgreSQL type when the Java type is ambiguous: jsonb, json, hstore, citext, money, oid... */
    String type() default "";

    /** Whether the column accepts NULL (used by DDL). */
    boolean nullable() default true;

    /** Whether the column is UNIQUE (used by DDL). */
    boolean unique() default false;

    /** A default SQL expression (used by DDL), e.g. {@code "now()"}. */
    String defaultValue() default "";

    /** A generation expression for a generated column (used by DDL); the column is never written. */
    String generated() default "";

    /**
     * With {@link #generated()}: a VIRTUAL generated column, computed on read (PostgreSQL 18+).
     * The default is STORED, which works from PostgreSQL 12.
     */
    boolean virtual() default false;
}
