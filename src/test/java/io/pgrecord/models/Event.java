package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("events")
public class Event extends ActiveRecord<Event> {
    public static final Finder<Event> find = finder(Event.class);
    @Id public Long id;
    public String payload;
}
