/**
 * pgrecord's API: models ({@link io.pgrecord.ActiveRecord}, {@link io.pgrecord.AsyncActiveRecord})
 * with their finders, queries and relations, the backends ({@link io.pgrecord.PostgresBackend},
 * {@link io.pgrecord.AsyncPostgresBackend}) and their transactions, locks and configuration.
 *
 * <p>Nothing here returns or accepts null unless marked {@code @Nullable}: the related model of a
 * {@code BelongsTo} or {@code HasOne} that has none, {@code avg}, {@code min} and {@code max} over
 * no rows, the unset parts of {@code TransactionOptions} and a manager's isolation level, and
 * bind values in SQL text, where null binds SQL NULL.
 */
@NullMarked
package io.pgrecord;

import org.jspecify.annotations.NullMarked;
