package io.pgrecord.internal.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.message.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextAsStringTest {

    private static final int INET = 869;

    @Test
    void readsAnyTextFormatColumnAsItsTextAndNothingElse() {
        TextAsString codec = TextAsString.INSTANCE;
        assertThat(codec.canDecode(INET, Format.FORMAT_TEXT, String.class)).isTrue();
        // binary values and other Java types stay with the driver's own codecs
        assertThat(codec.canDecode(INET, Format.FORMAT_BINARY, String.class)).isFalse();
        assertThat(codec.canDecode(INET, Format.FORMAT_TEXT, Object.class)).isFalse();

        ByteBuf text = Unpooled.copiedBuffer("10.1.2.3/24 é", StandardCharsets.UTF_8);
        assertThat(codec.decode(text, INET, Format.FORMAT_TEXT, String.class)).isEqualTo("10.1.2.3/24 é");
        assertThat(codec.decode(null, INET, Format.FORMAT_TEXT, String.class)).isNull();
    }

    @Test
    void encodesNothing() {
        TextAsString codec = TextAsString.INSTANCE;
        assertThat(codec.canEncode("10.1.2.3")).isFalse();
        assertThat(codec.canEncodeNull(String.class)).isFalse();
        assertThatThrownBy(() -> codec.encode("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
