package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a model class in strict-loading mode: reading one of its relations with {@code get()}
 * when it was not loaded by {@code include(...)} (or an earlier {@code get()}) raises
 * {@link io.pgrecord.error.LazyLoadException} instead of querying, on every backend.
 * {@snippet :
 * @StrictLoading
 * @Table("users")
 * public class User extends Model { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrictLoading {}
