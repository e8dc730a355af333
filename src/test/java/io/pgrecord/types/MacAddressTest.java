package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @Test
    void theJavadocExample() {
        // MacAddress's Javadoc shows this region (javadoc's --snippet-path is src/test/java)
        // @start region="javadoc"
        MacAddress mac = MacAddress.parse("0800.2b01.0203");
        assertThat(mac).hasToString("08:00:2b:01:02:03");
        assertThat(mac.isEui64()).isFalse();
        assertThat(mac.toEui64()).hasToString("08:00:2b:ff:fe:01:02:03");
        // @end
    }

    @ParameterizedTest
    @ValueSource(strings = {"08:00:2b:01:02:03", "08-00-2b-01-02-03", "08002b:010203", "08002b-010203",
        "0800.2b01.0203", "0800-2b01-0203", "08002b010203", "08:00:2B:01:02:03", " 08:00:2b:01:02:03 "})
    void acceptsEveryMacaddrInputForm(String text) {
        MacAddress mac = MacAddress.parse(text);
        assertThat(mac).hasToString("08:00:2b:01:02:03").isEqualTo(MacAddress.parse("08:00:2b:01:02:03"));
        assertThat(mac.bytes()).containsExactly(0x08, 0x00, 0x2b, 0x01, 0x02, 0x03);
        assertThat(mac.isEui64()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08:00:2b:01:02:03:04:05", "08-00-2b-01-02-03-04-05", "08002b:0102030405",
        "0800.2b01.0203.0405", "0800-2b01-0203-0405", "08002b01:02030405", "08002b0102030405"})
    void acceptsEveryMacaddr8InputForm(String text) {
        MacAddress mac = MacAddress.parse(text);
        assertThat(mac).hasToString("08:00:2b:01:02:03:04:05");
        assertThat(mac.isEui64()).isTrue();
        assertThat(mac.bytes()).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08:00:2b:01:02:03:04", "08:00:2b:01:02", "08:00:2b:01:02:0g", "08:00-2b:01:02:03",
        "08:00:2b:01:02:03:", ":08:00:2b:01:02:03", "08::00:2b:01:02:03", "0800.2b01.020", "", "08 00 2b 01 02 03",
        "08:00:2b:01:02:03:04:05:06"})
    void rejectsMalformedAddresses(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("macaddr")
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void sevenBytesAreNeitherMacaddrNorMacaddr8() {
        assertThatThrownBy(() -> MacAddress.parse("08:00:2b:01:02:03:04"))
                .hasMessage("invalid input syntax for type macaddr8: \"08:00:2b:01:02:03:04\": a MAC address has 6 or 8 bytes, found 7");
        assertThatThrownBy(() -> MacAddress.of(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsToEui64LikeTheServer() {
        assertThat(MacAddress.parse("08:00:2b:01:02:03").toEui64()).isEqualTo(MacAddress.parse("08:00:2b:ff:fe:01:02:03"));
        MacAddress eight = MacAddress.parse("08:00:2b:01:02:03:04:05");
        assertThat(eight.toEui64()).isSameAs(eight);
    }

    @Test
    void isImmutable() {
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        MacAddress mac = MacAddress.of(bytes);
        bytes[0] = 9;
        mac.bytes()[1] = 9;
        assertThat(mac).hasToString("01:02:03:04:05:06");
        assertThat(mac).isNotEqualTo(MacAddress.parse("01:02:03:04:05:07"));
        assertThat(mac.hashCode()).isEqualTo(MacAddress.parse("01-02-03-04-05-06").hashCode());
    }

    @Test
    void aBindOfMacaddrIsCastByTheValuesLength() {
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
        MacAddress six = MacAddress.parse("08:00:2b:01:02:03");
        MacAddress eight = MacAddress.parse("08:00:2b:01:02:03:04:05");
        assertThat(dsl.render(DSL.val(six, PgTypes.MACADDR))).isEqualTo("cast(? as macaddr)");
        assertThat(dsl.render(DSL.val(eight, PgTypes.MACADDR))).isEqualTo("cast(? as macaddr8)");
        assertThat(dsl.renderInlined(DSL.val(eight, PgTypes.MACADDR))).isEqualTo("cast('08:00:2b:01:02:03:04:05' as macaddr8)");
        assertThat(dsl.render(DSL.val((MacAddress) null, PgTypes.MACADDR))).isEqualTo("cast(? as macaddr)");
        // MACADDR8 is macaddr8 whatever the length
        assertThat(dsl.render(DSL.val(six, PgTypes.MACADDR8))).isEqualTo("cast(? as macaddr8)");
        // an array is a macaddr8[] once any element has 8 bytes
        var array = PgTypes.MACADDR.getArrayDataType();
        assertThat(dsl.render(DSL.val(new MacAddress[] {six, null}, array))).isEqualTo("cast(? as macaddr[])");
        assertThat(dsl.render(DSL.val(new MacAddress[] {six, null, eight}, array))).isEqualTo("cast(? as macaddr8[])");
        assertThat(dsl.render(DSL.val(new MacAddress[0], array))).isEqualTo("cast(? as macaddr[])");
        assertThat(dsl.render(DSL.val(new MacAddress[] {six}, PgTypes.MACADDR8.getArrayDataType()))).isEqualTo("cast(? as macaddr8[])");
    }
}
