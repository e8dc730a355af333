package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MultiRange;
import java.util.List;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;

/** The reactive twin of {@link MultiSpecimen}. */
@Table("multi_specimens")
public class AsyncMultiSpecimen extends AsyncActiveRecord<AsyncMultiSpecimen> {
    public static final AsyncFinder<AsyncMultiSpecimen> find = finder(AsyncMultiSpecimen.class);
    @Id public Long id;
    public MultiRange<IntegerRange> i4m;
    public MultiRange<LongRange> i8m;
    public MultiRange<BigDecimalRange> numm;
    public MultiRange<LocalDateRange> dm;
    public MultiRange<LocalDateTimeRange> tsm;
    public MultiRange<OffsetDateTimeRange> tstzm;
    public List<MultiRange<IntegerRange>> i4ms;
}
