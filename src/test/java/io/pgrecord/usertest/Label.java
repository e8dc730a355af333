package io.pgrecord.usertest;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/**
 * The model of {@link ExpectedFailureInRolledBackTestTest}, its own: a model is configured for
 * one backend at a time, and test classes run concurrently, so each class has models of its own.
 */
@Table("labels")
public class Label extends ActiveRecord<Label> {
    public static final Finder<Label> find = finder(Label.class);
    @Id public Long id;
    public String text;

    static Label of(String text) {
        Label label = new Label();
        label.text = text;
        return label;
    }
}
