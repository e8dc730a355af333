package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("preferences")
public class Preference extends ActiveRecord<Preference> {
    public static final Finder<Preference> find = finder(Preference.class);
    @Id public Long id;
    @Column(type = "jsonb") public Settings settings;
    @Column(type = "jsonb") public Emblem emblem;
}
