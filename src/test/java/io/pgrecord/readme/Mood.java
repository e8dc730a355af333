package io.pgrecord.readme;

import io.pgrecord.EnumLabel;

/** A PostgreSQL enum for the README's schema example. */
public enum Mood {
    @EnumLabel("sad") SAD,
    @EnumLabel("ok") OK,
    @EnumLabel("happy") HAPPY
}
