package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
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

/** The six multiranges (PostgreSQL 14+) and an array of one; table in {@link SpecimenSchema}. */
@Table("multi_specimens")
public class MultiSpecimen extends ActiveRecord<MultiSpecimen> {
    public static final Finder<MultiSpecimen> find = finder(MultiSpecimen.class);
    @Id public Long id;
    public MultiRange<IntegerRange> i4m;
    public MultiRange<LongRange> i8m;
    public MultiRange<BigDecimalRange> numm;
    public MultiRange<LocalDateRange> dm;
    public MultiRange<LocalDateTimeRange> tsm;
    public MultiRange<OffsetDateTimeRange> tstzm;
    public List<MultiRange<IntegerRange>> i4ms;
}
