package io.pgrecord.schema;

/**
 * An installed extension.
 *
 * @param name e.g. {@code btree_gist}
 * @param version the installed version, e.g. {@code 1.7}
 * @param schema the schema holding its objects
 */
public record ExtensionInfo(String name, String version, String schema) {
}
