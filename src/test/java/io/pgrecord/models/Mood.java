package io.pgrecord.models;

import io.pgrecord.EnumLabel;
import io.pgrecord.PgEnum;

/** A PostgreSQL enum whose labels need quoting in every form: spaces, commas, quotes, backslashes, braces, {@code NULL}. */
@PgEnum("mood")
public enum Mood {
    @EnumLabel("sad") SAD,
    @EnumLabel("ok") OK,
    @EnumLabel("with space") WITH_SPACE,
    @EnumLabel("a,b") COMMA,
    @EnumLabel("say \"hi\"") QUOTES,
    @EnumLabel("it's") APOSTROPHE,
    @EnumLabel("back\\slash") BACKSLASH,
    @EnumLabel("{braces}") BRACES,
    @EnumLabel("NULL") NULL_TEXT,
    @EnumLabel("") EMPTY;

    /** The labels, in declaration order, for {@code CREATE TYPE}. */
    public static String createType() {
        StringBuilder sql = new StringBuilder("CREATE TYPE mood AS ENUM (");
        for (Mood m : values()) {
            String label = labelOf(m);
            sql.append(m.ordinal() == 0 ? "" : ", ").append('\'').append(label.replace("'", "''")).append('\'');
        }
        return sql.append(')').toString();
    }

    public static String labelOf(Mood m) {
        try {
            return Mood.class.getField(m.name()).getAnnotation(EnumLabel.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
