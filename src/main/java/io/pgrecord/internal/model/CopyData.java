package io.pgrecord.internal.model;

import java.util.List;

/** A {@code COPY ... FROM STDIN} statement and its data stream, encoded before anything is sent. */
record CopyData(String sql, List<byte[]> chunks) {
}
