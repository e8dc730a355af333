package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.util.Map;

/** The model that the Javadoc of {@code @Column} shows. */
@Table("subscribers")
public class Subscriber extends ActiveRecord<Subscriber> {
    @Id public Long id;
    // @start region="column"
    @Column(type = "jsonb") public Map<String, Object> metadata;
    @Column(name = "mail", nullable = false, unique = true) public String email;
    // @end
}
