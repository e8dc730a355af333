package io.pgrecord.readme;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.types.TsVector;

/** A document with a full-text column, for the README's operator examples. */
public class Doc extends ActiveRecord<Doc> {
    public static final Finder<Doc> find = finder(Doc.class);
    @Id public Long id;
    public String body;
    @Column(type = "tsvector") public TsVector bodyTsv;
}
