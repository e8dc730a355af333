package io.pgrecord.internal.r2dbc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Reads a column of any type in text format as its text, the last codec of each connection.
 *
 * <p>pgrecord reads several types as text and converts them itself: inet, cidr, enums, domains
 * and others that r2dbc-postgresql has no {@code String} codec for. The driver then finds none
 * for the column's type, falls back to varchar's, and, as its cache keeps only the codecs it
 * finds, searches every codec again, twice, for every value: on a table with one inet column
 * that was a third of a read's allocation. Registered last, this codec changes no type the
 * driver decodes itself, and is found once per connection and type.
 */
final class TextAsString implements Codec<String>, CodecRegistrar {

    static final TextAsString INSTANCE = new TextAsString();

    private TextAsString() {
    }

    @Override
    public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry registry) {
        registry.addLast(this);
        return Mono.empty();
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        // a binary value is text only for text types, which the driver's own codec reads
        return format == Format.FORMAT_TEXT && type == String.class;
    }

    @Override
    public @Nullable String decode(@Nullable ByteBuf buffer, int dataType, Format format, Class<? extends String> type) {
        return buffer == null ? null : buffer.readCharSequence(buffer.readableBytes(), StandardCharsets.UTF_8).toString();
    }

    @Override
    public boolean canEncode(Object value) {
        return false;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return false;
    }

    @Override
    public EncodedParameter encode(Object value) {
        throw new UnsupportedOperationException("reads only");
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        throw new UnsupportedOperationException("reads only");
    }

    @Override
    public EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("reads only");
    }
}
