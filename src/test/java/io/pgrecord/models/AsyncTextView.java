package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** String fields over columns of other types: the server parses and prints the text. */
@Table("text_views")
public class AsyncTextView extends AsyncActiveRecord<AsyncTextView> {
    public static final AsyncFinder<AsyncTextView> find = finder(AsyncTextView.class);
    @Id public Long id;
    public String u;
    public String ip;
    public String r;
    public String n;
    public String d;
}
