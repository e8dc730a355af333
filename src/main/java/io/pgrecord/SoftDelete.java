package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the {@code OffsetDateTime deletedAt} field of a soft-deleted model: {@code delete()} sets it instead of deleting, queries skip such rows unless {@code withDeleted()} or {@code onlyDeleted()}, and {@code restore()} clears it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SoftDelete {}
