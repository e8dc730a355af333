package io.pgrecord.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address literals read from inet text: what the server prints is taken, a host name never looked up. */
class InetLiteralTest {

    @Test
    void takesEveryIpv4AddressTheServerPrints() throws Exception {
        for (String text : List.of("0.0.0.0", "10.1.2.3", "255.255.255.255", "192.168.100.199", "9.99.100.250")) {
            assertThat(InetTypes.isV4Literal(text)).as(text).isTrue();
            assertThat(InetTypes.literal(text)).isEqualTo(InetAddress.getByName(text)).hasToString(InetAddress.getByName(text).toString());
        }
    }

    @Test
    void refusesWhatIsNoIpv4Literal() {
        for (String text : List.of("", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3", "1..2.3", "256.1.1.1", "1.2.3.300",
                "001.2.3.4", "1.2.3.-4", "1.2.3.x", "localhost", "a.b.c.d", "1.2.3.1000")) {
            assertThat(InetTypes.isV4Literal(text)).as(text).isFalse();
            assertThatThrownBy(() -> InetTypes.literal(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid input syntax for type inet");
        }
    }

    @Test
    void takesIpv6LiteralsAndRefusesNames() throws Exception {
        assertThat(InetTypes.literal("::1")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(InetTypes.literal("2001:db8::ff00:42:8329")).isEqualTo(InetAddress.getByName("2001:db8::ff00:42:8329"));
        assertThat(InetTypes.literal("::ffff:10.1.2.3")).isEqualTo(InetAddress.getByName("::ffff:10.1.2.3"));
        assertThatThrownBy(() -> InetTypes.literal("host:80")).isInstanceOf(IllegalArgumentException.class);
    }
}
