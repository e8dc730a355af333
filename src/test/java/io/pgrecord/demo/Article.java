package io.pgrecord.demo;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import java.util.List;

public class Article extends ActiveRecord<Article> {
    public static final Finder<Article> find = finder(Article.class);
    @Id public Long id;
    public String title;
    public List<String> tags;                                          // text[]
}
