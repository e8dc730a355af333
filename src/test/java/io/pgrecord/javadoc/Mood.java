package io.pgrecord.javadoc;

import io.pgrecord.EnumLabel;

/** A PostgreSQL enum for the Javadoc of {@code SchemaManager}. */
public enum Mood {
    @EnumLabel("sad") SAD,
    @EnumLabel("happy") HAPPY
}
