package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.List;

@Table("articles")
public class AsyncArticle extends AsyncActiveRecord<AsyncArticle> {
    public static final AsyncFinder<AsyncArticle> find = finder(AsyncArticle.class);
    @Id public Long id;
    public String title;
    public List<String> tags;
}
