package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.math.BigDecimal;
import java.util.Map;

/** A BigDecimal field over a numeric column holding NaN, in a model whose jsonb field makes jOOQ read its rows. */
@Table("misfit_numbers")
public class MisfitNumber extends ActiveRecord<MisfitNumber> {
    public static final Finder<MisfitNumber> find = finder(MisfitNumber.class);
    @Id public Long id;
    public BigDecimal amount;             // 'NaN', which no BigDecimal holds
    @Column(type = "jsonb") public Map<String, Object> meta;   // makes jOOQ read the rows
}
