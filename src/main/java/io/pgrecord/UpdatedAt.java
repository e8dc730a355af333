package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Set to the current time on every INSERT and UPDATE ({@code OffsetDateTime}, {@code Instant} or
 * {@code LocalDateTime}), from the same reading of the clock as {@link CreatedAt} on an INSERT.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface UpdatedAt {}
