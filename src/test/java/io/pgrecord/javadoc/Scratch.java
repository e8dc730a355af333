package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A temporary table's model, for the Javadoc of {@code TableOptions}. */
@Table("scratch")
public class Scratch extends ActiveRecord<Scratch> {
    @Id public Long id;
    public String note;
}
