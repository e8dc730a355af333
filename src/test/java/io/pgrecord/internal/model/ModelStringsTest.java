package io.pgrecord.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Transient;
import org.junit.jupiter.api.Test;

/** The text of a model's toString(), without a database: arrays stay short, secrets stay out. */
class ModelStringsTest {

    public static class Sample extends ActiveRecord<Sample> {
        @Id public Long id;
        public Integer[] counts;
        public Long[] keys;
        public byte[][] blobs;
        @Sensitive public String pin;
        @Transient public String scratch;
        public transient String cache;
        public boolean active;
        public String bio;
    }

    @Test
    void printsArraysByTheirFirstElementsThenTheirLength() {
        Sample s = new Sample();
        s.counts = new Integer[1000];
        java.util.Arrays.fill(s.counts, 0);
        s.keys = new Long[] {1L, null, 3L};
        s.blobs = new byte[][] {{1, 2}, null};
        s.pin = "1234";
        s.scratch = "scratch";
        s.cache = "cache";
        String text = s.toString();
        assertThat(text).startsWith("Sample{id=null, counts=[0, 0, 0, ").contains(", ...] (1000 elements), keys=[1, null, 3],"
                + " blobs=[byte[2], null], pin=***, active=false, bio=null}");
        assertThat(text.length()).isLessThan(200);
        assertThat(text).doesNotContain("scratch").doesNotContain("cache").doesNotContain("1234");
    }

    /** A class pgrecord cannot map still prints, as Object's toString would. */
    public static class Unmappable extends ActiveRecord<Unmappable> {
        @Id public Long id;
        public Thread thread;
    }

    @Test
    void aModelThatDoesNotMapStillPrints() {
        Unmappable u = new Unmappable();
        assertThat(u.toString()).isEqualTo(Unmappable.class.getName() + "@" + Integer.toHexString(u.hashCode()));
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        Sample s = new Sample();
        s.keys = new Long[0];
        s.bio = "ab".repeat(500);
        assertThat(s.toString()).contains("keys=[]").endsWith(", bio=" + "ab".repeat(32) + "...(1000 chars)}");
    }
}
