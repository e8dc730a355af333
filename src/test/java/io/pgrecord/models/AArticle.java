package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.List;

@Table("articles")
public class AArticle extends AsyncActiveRecord<AArticle> {
    public static final AsyncFinder<AArticle> find = finder(AArticle.class);
    @Id public Long id;
    public String title;
    public List<String> tags;
}
