package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MacAddress;
import java.net.InetAddress;
import java.time.Duration;

/** The reactive twin of {@link Scrap}. */
@Table("scraps")
public class AsyncScrap extends AsyncActiveRecord<AsyncScrap> {
    public static final AsyncFinder<AsyncScrap> find = finder(AsyncScrap.class);
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
