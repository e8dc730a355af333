package io.pgrecord.bench.paired;

import java.util.concurrent.Callable;

/** A workload by name, built only when it runs, so a bulk load's rows live only during its own run. */
record Planned(String name, Callable<Workload> build) {
}
