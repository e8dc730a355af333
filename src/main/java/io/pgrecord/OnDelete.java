package io.pgrecord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code ON DELETE} action of the foreign key behind a {@code belongsTo} relation, used by
 * {@code SchemaManager.createTable}. Without it the key gets PostgreSQL's default,
 * {@code NO ACTION}.
 * {@snippet class=io.pgrecord.javadoc.Post region=on-delete}
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OnDelete {
    ReferentialAction value();
}
