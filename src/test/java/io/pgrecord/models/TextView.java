package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** String fields over columns of other types: the server parses and prints the text. */
@Table("text_views")
public class TextView extends ActiveRecord<TextView> {
    public static final Finder<TextView> find = finder(TextView.class);
    @Id public Long id;
    public String u;
    public String ip;
    public String r;
    public String n;
    public String d;
}
