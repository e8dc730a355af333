package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MacAddress;
import java.util.List;

/** {@link Nic} on the reactive API. */
@Table("nics")
public class AsyncNic extends AsyncActiveRecord<AsyncNic> {
    public static final AsyncFinder<AsyncNic> find = finder(AsyncNic.class);
    @Id public Long id;
    public MacAddress mac;
    public MacAddress mac6;
    public MacAddress[] macs;
    public List<MacAddress> macList;
}
