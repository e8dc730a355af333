package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import java.time.OffsetDateTime;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_genres")
public class AsyncIeGenre extends AsyncActiveRecord<AsyncIeGenre> {
    public static final AsyncFinder<AsyncIeGenre> find = finder(AsyncIeGenre.class);
    @Id public Long id;
    public String name;
    @SoftDelete public OffsetDateTime deletedAt;
}
