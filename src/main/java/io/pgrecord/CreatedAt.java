package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Set to the current time on INSERT when the field is null ({@code OffsetDateTime}, {@code Instant}
 * or {@code LocalDateTime}). The clock is read once per write, at microsecond precision, so a new
 * row's {@code @CreatedAt} and {@link UpdatedAt} are equal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CreatedAt {}
