package io.pgrecord.models;

/** A value stored as one jsonb column by {@link Preference}. */
public record Settings(String displayName, int fontSize) {
}
