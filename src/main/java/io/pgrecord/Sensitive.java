package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field whose value pgrecord never prints: a model's {@code toString()} shows it as
 * {@code ***}, and an error about reading its column leaves the value out. Bind values of such a
 * field are masked as {@code ***} wherever pgrecord logs binds. The field is persisted as usual;
 * to keep a field out of the database and out of {@code toString()}, use {@link Transient}.
 * {@snippet class=io.pgrecord.javadoc.Account region=sensitive}
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sensitive {}
