package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A row of a table partitioned by {@code day}, for the Javadoc of {@code TableOptions}. */
@Table("measurements")
public class Measurement extends ActiveRecord<Measurement> {
    @Id public Long id;
    @Id public LocalDate day;
    public Integer reading;
}
