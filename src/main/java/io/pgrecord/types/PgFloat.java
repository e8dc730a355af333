package io.pgrecord.types;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and prints {@code float8} values the way PostgreSQL 12+ does: the shortest text that
 * round-trips, {@code 1} rather than {@code 1.0}, and exponent notation ({@code 1e+15},
 * {@code 1e-05}) outside the range printf's {@code %g} would print in fixed point.
 */
final class PgFloat {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private PgFloat() {
    }

    static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        // Double.toString gives the shortest round-trip digits (JDK 19+); only the layout differs.
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 15) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            String e = Integer.toString(Math.abs(exponent));
            out.append('e').append(exponent < 0 ? '-' : '+').append(e.length() < 2 ? "0" : "").append(e);
        } else {
            out.append(exact.toPlainString());
        }
        return out.toString();
    }

    /** Parses one float8 token, or returns null when it is not one. */
    static Double parse(String token) {
        String t = token.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        double d = Double.parseDouble(t);
        boolean nonZeroDigits = t.replaceAll("[eE].*", "").chars().anyMatch(c -> c >= '1' && c <= '9');
        if (Double.isInfinite(d) || (d == 0 && nonZeroDigits)) {
            return null; // out of range for double precision, as the server says
        }
        return d;
    }
}
