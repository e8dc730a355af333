/**
 * The exceptions pgrecord throws, all unchecked and rooted at
 * {@link io.pgrecord.error.PgRecordException}. Server errors are
 * {@link io.pgrecord.error.DatabaseException}s classified by SQLSTATE, with the fields of the
 * server's report; a field the server did not send is null.
 */
@NullMarked
package io.pgrecord.error;

import org.jspecify.annotations.NullMarked;
