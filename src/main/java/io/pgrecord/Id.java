package io.pgrecord;

import io.pgrecord.error.MappingException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a primary-key field. Several {@code @Id} fields make a composite key. A null id on insert
 * is filled from {@code RETURNING}; a caller-set id is kept.
 *
 * <p>Every model needs an {@code @Id}, and it must be of a reference type ({@code Long},
 * {@code Integer}, {@code UUID}, {@code String}, ...). A model without one, or with a primitive
 * {@code @Id} such as {@code long id} (which cannot be null, so a new record would insert 0 as
 * its key), is refused with a {@link MappingException} when it is first used,
 * before any SQL: declare the key as {@code Long}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {}
