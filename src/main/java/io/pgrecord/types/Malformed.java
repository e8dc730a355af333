package io.pgrecord.types;

/** Builds the exceptions the parsers throw, worded like PostgreSQL's own input errors. */
final class Malformed {

    private Malformed() {
    }

    /** {@code invalid input syntax for type point: "(1,x)"}, with an optional reason appended. */
    static IllegalArgumentException input(String type, String input, String reason) {
        String message = "invalid input syntax for type " + type + ": \"" + input + "\"";
        return new IllegalArgumentException(reason == null ? message : message + ": " + reason);
    }

    static IllegalArgumentException input(String type, String input) {
        return input(type, input, null);
    }

    static <T> T requireNonNull(T value, String type) {
        if (value == null) {
            throw new IllegalArgumentException(type + " input must not be null");
        }
        return value;
    }
}
