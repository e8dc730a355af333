package io.pgrecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation messages collected by a model's {@code validate(Errors)} method, keyed by Java
 * field name. Not thread-safe: one instance serves one validation run.
 * {@snippet class=io.pgrecord.javadoc.User region=validate}
 */
public final class Errors {

    /** Shared and empty until the first message: every save makes an {@code Errors}, few get one. */
    private Map<String, List<String>> messages = Map.of();

    /** An empty set of messages. */
    public Errors() {
    }

    /** Records a message against a field; a field may collect several. */
    public Errors add(String field, String message) {
        if (messages.isEmpty()) {
            messages = new LinkedHashMap<>();
        }
        messages.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The messages of one field, empty when it has none. */
    public List<String> on(String field) {
        return Collections.unmodifiableList(messages.getOrDefault(field, List.of()));
    }

    /** Every message, by field, in the order the fields were first reported. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        messages.forEach((field, list) -> copy.put(field, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** E.g. {@code email must contain @; name must not be blank}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        messages.forEach((field, list) -> list.forEach(m -> {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(field).append(' ').append(m);
        }));
        return sb.toString();
    }
}
