package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** The reactive twin of {@link Dated}. */
@Table("dated")
public class AsyncDated extends AsyncActiveRecord<AsyncDated> {
    public static final AsyncFinder<AsyncDated> find = finder(AsyncDated.class);
    @Id public Long id;
    public LocalDate day;
    public LocalDateTime stamp;
    public OffsetDateTime stampTz;
}
