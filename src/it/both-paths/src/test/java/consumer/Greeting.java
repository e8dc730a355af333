package consumer;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("greetings")
public class Greeting extends ActiveRecord<Greeting> {
    public static final Finder<Greeting> find = finder(Greeting.class);
    @Id public Long id;
    public String text;
}
