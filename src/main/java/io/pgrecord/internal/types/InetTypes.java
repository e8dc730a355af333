package io.pgrecord.internal.types;

import io.pgrecord.error.MappingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import org.jooq.DataType;
import org.jooq.postgres.extensions.types.AbstractInet;
import org.jooq.postgres.extensions.types.Cidr;
import org.jooq.postgres.extensions.types.Inet;

/**
 * {@code inet} and {@code cidr} through their text form, {@code 10.0.0.1/8}, on both backends
 * (jOOQ's own inet array binding cannot read on R2DBC). A {@link InetAddress} field holds a
 * host address; an {@code inet} value with a network prefix does not fit one, and reading it
 * fails with a {@link MappingException} naming {@link Inet}, which keeps the prefix.
 */
final class InetTypes {

    static final DataType<InetAddress> INET_ADDRESS = type("inet", InetAddress.class, InetTypes::address,
            InetAddress::getHostAddress);
    static final DataType<Inet> INET = type("inet", Inet.class, InetTypes::inet, InetTypes::text);
    static final DataType<Cidr> CIDR = type("cidr", Cidr.class, InetTypes::cidr, InetTypes::text);

    private InetTypes() {
    }

    private static <T> DataType<T> type(String sqlType, Class<T> type, Function<String, T> parse,
            Function<T, String> print) {
        return TextBinding.type(sqlType, PlainConverter.of(String.class, type, parse::apply, print::apply));
    }

    private static InetAddress address(String text) {
        int slash = text.indexOf('/');
        if (slash >= 0 && !isHostPrefix(text.substring(0, slash), text.substring(slash + 1))) {
            throw new MappingException("inet value " + text + " has a network prefix, which a java.net.InetAddress"
                    + " cannot hold; map the field as org.jooq.postgres.extensions.types.Inet");
        }
        return literal(slash < 0 ? text : text.substring(0, slash));
    }

    private static boolean isHostPrefix(String address, String prefix) {
        return Integer.parseInt(prefix) == (address.indexOf(':') >= 0 ? 128 : 32);
    }

    private static Inet inet(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? Inet.valueOf(literal(text))
                : Inet.valueOf(literal(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    private static Cidr cidr(String text) {
        int slash = text.indexOf('/');
        InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
        int prefix = slash < 0 ? (address.getAddress().length * 8) : Integer.parseInt(text.substring(slash + 1));
        return Cidr.valueOf(address, prefix);
    }

    private static String text(AbstractInet v) {
        return v.address().getHostAddress() + (v.prefix() == null ? "" : "/" + v.prefix());
    }

    /** Hex digits, colons and dots only: getByName then parses it as an IPv6 literal or refuses it. */
    private static boolean isV6Literal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Four dot-separated decimal octets, each of one or two digits or 100 to 255: every address
     * the server prints, checked without a regular expression (this runs for every inet read).
     */
    static boolean isV4Literal(String text) {
        return v4Address(text) != null;
    }

    /** The four bytes of an IPv4 literal as {@link #isV4Literal} accepts it, or null for any other text. */
    private static byte[] v4Address(String text) {
        byte[] address = new byte[4];
        int octets = 0;
        int i = 0;
        while (i <= text.length()) {
            int end = text.indexOf('.', i);
            if (end < 0) {
                end = text.length();
            }
            int octet = octet(text, i, end);
            if (octet < 0 || octets == 4) {
                return null;
            }
            address[octets++] = (byte) octet;
            i = end + 1;
        }
        return octets == 4 ? address : null;
    }

    /** The value of a decimal octet from {@code from} to {@code to}, or -1 when it is not one. */
    private static int octet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return length < 3 || (value >= 100 && value <= 255) ? value : -1;
    }

    /** An IP address literal, never a host name: no DNS lookup can happen here. */
    static InetAddress literal(String text) {
        boolean v6 = text.indexOf(':') >= 0;
        byte[] v4 = v6 ? null : v4Address(text);
        if (v6 ? !isV6Literal(text) : v4 == null) {
            throw new IllegalArgumentException("invalid input syntax for type inet: \"" + text + "\"");
        }
        try {
            // an IPv4 address from its bytes, already parsed: getByName would parse the text again
            return v6 ? InetAddress.getByName(text) : InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid input syntax for type inet: \"" + text + "\"", e);
        }
    }
}
