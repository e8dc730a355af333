package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.List;

@Table("articles")
public class Article extends ActiveRecord<Article> {
    public static final Finder<Article> find = finder(Article.class);
    @Id public Long id;
    public String title;
    public List<String> tags;
}
