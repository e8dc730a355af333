package io.pgrecord.internal.types;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * {@code bytea} text: written in hex form ({@code \x0102ff}), read in either output form the
 * server may use, hex or, under {@code bytea_output = escape}, octal escapes ({@code \001\\}).
 */
final class Bytea {

    private Bytea() {
    }

    static String text(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    static byte[] parse(String text) {
        if (text.startsWith("\\x")) {
            return HexFormat.of().parseHex(text, 2, text.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.write(c);
            } else if (text.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else {
                out.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            }
        }
        return out.toByteArray();
    }
}
