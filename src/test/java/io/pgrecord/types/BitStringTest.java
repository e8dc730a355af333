package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitStringTest {

    @Test
    void theJavadocExample() {
        // BitString's Javadoc shows this region (javadoc's --snippet-path is src/test/java)
        // @start region="javadoc"
        BitString a = BitString.parse("1100");
        assertThat(a.and(BitString.parse("1010"))).hasToString("1000");
        assertThat(a.shiftLeft(1)).hasToString("1000");
        assertThat(a.get(0)).isTrue();
        assertThat(BitString.fromInt(5, 4)).hasToString("0101");
        // @end
    }

    private static BitString b(String bits) {
        return BitString.parse(bits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0101", "1", "0", "", "110011001", "1111111100000000"})
    void roundTripsItsText(String bits) {
        BitString value = b(bits);
        assertThat(value).hasToString(bits).isEqualTo(b(bits)).hasSameHashCodeAs(b(bits));
        assertThat(value.length()).isEqualTo(bits.length());
    }

    @Test
    void readsBinaryAndHexPrefixesLikeTheServer() {
        assertThat(b("B0101")).isEqualTo(b("0101"));
        assertThat(b("x1F")).hasToString("00011111");
        assertThat(b("XaB")).hasToString("10101011");
    }

    @ParameterizedTest
    @ValueSource(strings = {"012", "01 1", "x1G", " 01", "b2"})
    void rejectsMalformedBits(String text) {
        assertThatThrownBy(() -> b(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bit").hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void lengthIsPartOfTheValue() {
        assertThat(b("01")).isNotEqualTo(b("010")).isNotEqualTo(b("1"));
    }

    @ParameterizedTest
    @CsvSource({"5, 4, 0101", "5, 2, 01", "-1, 4, 1111", "-2, 40, 1111111111111111111111111111111111111110",
        "1, 70, 0000000000000000000000000000000000000000000000000000000000000000000001", "0, 0, ''"})
    void fromIntTakesTheRightmostBitsSignExtended(long value, int length, String bits) {
        assertThat(BitString.fromInt(value, length)).hasToString(bits);
    }

    @Test
    void fromBytesTakesLeadingBits() {
        assertThat(BitString.fromBytes(new byte[] {(byte) 0b1010_1111, (byte) 0xff}, 10)).hasToString("1010111111");
        assertThat(BitString.fromBytes(new byte[] {(byte) 0b1010_1111}, 3)).isEqualTo(b("101"));
        assertThat(b("1010111111").toByteArray()).containsExactly(0b1010_1111, 0b1100_0000);
        assertThatThrownBy(() -> BitString.fromBytes(new byte[1], 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitString.fromInt(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getAndSetCountFromTheLeft() {
        BitString v = b("1000");
        assertThat(v.get(0)).isTrue();
        assertThat(v.get(3)).isFalse();
        assertThat(v.set(3, true)).hasToString("1001");
        assertThat(v.set(0, false)).hasToString("0000");
        assertThat(v).hasToString("1000");
        assertThatThrownBy(() -> v.get(4)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0..3");
        assertThatThrownBy(() -> v.set(-1, true)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @CsvSource({"1100, 1010, 1000, 1110, 0110", "111000111, 101010101, 101000101, 111010111, 010010010"})
    void bitwiseOperations(String a, String b, String and, String or, String xor) {
        assertThat(b(a).and(b(b))).hasToString(and);
        assertThat(b(a).or(b(b))).hasToString(or);
        assertThat(b(a).xor(b(b))).hasToString(xor);
    }

    @Test
    void bitwiseOperationsNeedEqualLengths() {
        assertThatThrownBy(() -> b("1100").and(b("10"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot AND bit strings of different sizes");
        assertThatThrownBy(() -> b("1100").or(b("10"))).hasMessageContaining("cannot OR");
        assertThatThrownBy(() -> b("1100").xor(b("10"))).hasMessageContaining("cannot XOR");
    }

    @Test
    void notKeepsTheLength() {
        assertThat(b("1100").not()).hasToString("0011");
        assertThat(b("101").not()).hasToString("010").isEqualTo(b("010"));
        assertThat(b("").not()).hasToString("");
    }

    @ParameterizedTest
    @CsvSource({"1100, 1, 1000, 0110", "1100, 0, 1100, 1100", "1100, 4, 0000, 0000", "1100, 9, 0000, 0000",
        "1100, -1, 0110, 1000", "101100111, 3, 100111000, 000101100"})
    void shiftsKeepTheLengthAndFillWithZeros(String bits, int n, String left, String right) {
        assertThat(b(bits).shiftLeft(n)).hasToString(left);
        assertThat(b(bits).shiftRight(n)).hasToString(right);
    }
}
