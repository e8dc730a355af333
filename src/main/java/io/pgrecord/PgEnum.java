package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The PostgreSQL enum type a Java enum maps to; without it, the snake_case of the enum's simple name. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgEnum {
    /** The enum type's name, unqualified or as {@code schema.type}. */
    String value();
}
