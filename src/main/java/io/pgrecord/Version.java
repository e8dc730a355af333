package io.pgrecord;

import io.pgrecord.error.StaleRecordException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integer or long optimistic-lock field: every UPDATE checks and bumps it, and a stale
 * save raises {@link StaleRecordException}.
 *
 * <p>On INSERT a null field is left out like any other, so the column's default applies (say
 * {@code DEFAULT 1}) and the field is filled from {@code RETURNING}; over a column without a
 * default it starts at 0. Which of the two holds is read from the catalog once per model and
 * backend, by the first insert with a null version. A primitive {@code int} or {@code long}
 * field is never null and is written as it is (0 on a new instance).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {}
