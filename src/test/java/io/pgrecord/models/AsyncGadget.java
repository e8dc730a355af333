package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.BitString;
import io.pgrecord.types.Circle;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.Point;
import io.pgrecord.types.TsVector;
import java.util.List;

/** A model with fields of pgrecord's own value types. */
@Table("gadgets")
public class AsyncGadget extends AsyncActiveRecord<AsyncGadget> {
    public static final AsyncFinder<AsyncGadget> find = finder(AsyncGadget.class);
    @Id public Long id;
    public Point location;
    public Circle reach;
    public MacAddress mac;
    @Column(type = "macaddr8") public MacAddress mac8;
    public BitString flags;
    public TsVector words;
    public List<Point> path;
}
