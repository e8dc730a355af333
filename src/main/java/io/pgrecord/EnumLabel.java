package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The PostgreSQL label of a Java enum constant, when it differs from {@code name()}, e.g. {@code @EnumLabel("With space")}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumLabel {
    /** The exact label. */
    String value();
}
