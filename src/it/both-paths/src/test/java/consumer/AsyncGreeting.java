package consumer;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("greetings")
public class AsyncGreeting extends AsyncActiveRecord<AsyncGreeting> {
    public static final AsyncFinder<AsyncGreeting> find = finder(AsyncGreeting.class);
    @Id public Long id;
    public String text;
}
