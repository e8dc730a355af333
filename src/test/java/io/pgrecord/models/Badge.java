package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;
import io.pgrecord.Transient;
import java.util.List;

/** What toString() shows and hides: a secret, a scratch field, bytes, a long text and an array. */
@Table("badges")
public class Badge extends ActiveRecord<Badge> {
    public static final Finder<Badge> find = finder(Badge.class);
    @Id public Long id;
    public String name;
    @Sensitive public String token;
    public byte[] avatar;
    public String bio;
    public List<String> tags;
    @Transient public String note;
}
