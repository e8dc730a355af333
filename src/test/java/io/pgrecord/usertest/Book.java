package io.pgrecord.usertest;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model of the user-style test, as an application would have one. */
@Table("books")
public class Book extends ActiveRecord<Book> {
    public static final Finder<Book> find = finder(Book.class);
    @Id public Long id;
    public String title;

    static Book titled(String title) {
        Book book = new Book();
        book.title = title;
        return book;
    }
}
