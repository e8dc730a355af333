package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A model validated by Jakarta Bean Validation annotations. */
@Table("signups")
public class Signup extends ActiveRecord<Signup> {
    public static final Finder<Signup> find = finder(Signup.class);
    @Id public Long id;
    @NotBlank public String name;
    @Email public String email;
    @Size(max = 5) public String code;
}
