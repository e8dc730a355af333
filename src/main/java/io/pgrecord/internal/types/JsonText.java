package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON text a tree was read from, with the mapper that read it: the snapshot of a
 * {@code JsonNode} field as loaded. A tree may be changed in place, so a snapshot of the tree
 * itself must be a deep copy, made for every row read; the text is already there, and is
 * parsed again only when the instance is checked for changes.
 */
public record JsonText(String text, ObjectMapper mapper) {

    /** The tree as read: equal to the one the field was given. */
    public JsonNode tree() {
        return Json.parse(mapper, text);
    }
}
