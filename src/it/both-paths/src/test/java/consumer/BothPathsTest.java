package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.Version;
import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

/** A consumer of the installed jar: both paths run, on the netty and reactor-netty pgrecord is tested with. */
class BothPathsTest {

    @Test
    void resolvesTheTestedNettyAndReactorNetty() {
        String netty = Version.identify().get("netty-common").artifactVersion();
        String reactorNetty = ReactorNetty.class.getPackage().getImplementationVersion();
        System.out.println("consumer resolved netty " + netty + ", reactor-netty " + reactorNetty);
        assertEquals(System.getProperty("tested.netty.version"), netty, "netty");
        assertEquals(System.getProperty("tested.reactor-netty.version"), reactorNetty, "reactor-netty");
    }

    @Test
    void modelsRunOnBothPaths() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                    .host("localhost").port(pg.getPort()).database("postgres").username("postgres").build();
            try (PostgresBackend blocking = new PostgresBackend(config);
                 AsyncPostgresBackend reactive = new AsyncPostgresBackend(config)) {
                blocking.dsl().execute("CREATE TABLE greetings (id bigserial PRIMARY KEY, text text NOT NULL)");
                ActiveRecord.configure(blocking, Greeting.class);
                AsyncActiveRecord.configure(reactive, AsyncGreeting.class);

                Greeting hello = new Greeting();
                hello.text = "hello";
                hello.save();
                AsyncGreeting hi = new AsyncGreeting();
                hi.text = "hi";
                hi.save().block(Duration.ofSeconds(30));

                assertEquals(2L, Greeting.find.count());
                assertEquals("hello", AsyncGreeting.find.getById(hello.id).block(Duration.ofSeconds(30)).text);
            }
        }
    }
}
