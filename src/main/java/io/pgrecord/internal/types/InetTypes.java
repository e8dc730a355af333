package io.pgrecord.internal.types;

import io.pgrecord.error.MappingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jooq.Converter;
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

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    static final DataType<InetAddress> INET_ADDRESS = type("inet", InetAddress.class, InetTypes::address,
            InetAddress::getHostAddress);
    static final DataType<Inet> INET = type("inet", Inet.class, InetTypes::inet, InetTypes::text);
    static final DataType<Cidr> CIDR = type("cidr", Cidr.class, InetTypes::cidr, InetTypes::text);

    private InetTypes() {
    }

    private static <T> DataType<T> type(String sqlType, Class<T> type, Function<String, T> parse,
            Function<T, String> print) {
        return TextBinding.type(sqlType, Converter.ofNullable(String.class, type, parse::apply, print::apply));
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

    /** An IP address literal, never a host name: no DNS lookup can happen here. */
    static InetAddress literal(String text) {
        boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!v6 && !IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid input syntax for type inet: \"" + text + "\"");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid input syntax for type inet: \"" + text + "\"", e);
        }
    }
}
