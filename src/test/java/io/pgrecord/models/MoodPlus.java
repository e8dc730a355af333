package io.pgrecord.models;

import io.pgrecord.EnumLabel;
import io.pgrecord.PgEnum;

/** Java's view of {@code mood} with a label the database type lacks. */
@PgEnum("mood")
public enum MoodPlus {
    @EnumLabel("sad") SAD,
    @EnumLabel("furious") FURIOUS
}
