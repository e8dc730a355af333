package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.Map;

/** An Integer field over a text column, in a model whose jsonb field makes jOOQ read its rows. */
@Table("misfits")
public class MisfitJson extends ActiveRecord<MisfitJson> {
    public static final Finder<MisfitJson> find = finder(MisfitJson.class);
    @Id public Long id;
    public Integer name;                  // a text column
    @Column(type = "jsonb") public Map<String, Object> meta;   // makes jOOQ read the rows
}
