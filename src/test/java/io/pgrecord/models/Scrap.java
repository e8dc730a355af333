package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MacAddress;
import java.net.InetAddress;
import java.time.Duration;

/** Fields that take text the server parses, for the bad-input scenarios; table in {@link SpecimenSchema}. */
@Table("scraps")
public class Scrap extends ActiveRecord<Scrap> {
    public static final Finder<Scrap> find = finder(Scrap.class);
    @Id public Long id;
    public String name;
    @Column(type = "jsonb") public String doc;
    public String span;
    public String query;
    public String jpath;
    public MacAddress mac;
    public Mood mood;
    public MoodPlus moodPlus;
    public InetAddress ip;
    public Duration dur;
}
