package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.UnsupportedCapabilityException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class CapabilityTest {

    @Test
    void everyContractCapabilityKnowsItsMinimum() {
        List<String> contract = List.of("RETURNING", "CTE", "RECURSIVE_CTE", "WINDOW_FUNCTIONS", "JSONB", "UPSERT",
                "SKIP_LOCKED", "GROUPING_SETS", "LATERAL", "FILTER_CLAUSE", "IDENTITY_COLUMNS", "MACADDR8",
                "COVERING_INDEX", "WEBSEARCH_TSQUERY", "GENERATED_COLUMNS", "JSONPATH", "CTE_MATERIALIZED",
                "FETCH_WITH_TIES", "MULTIRANGE", "JSONB_SUBSCRIPT", "CTE_SEARCH_CYCLE", "MERGE", "NULLS_NOT_DISTINCT",
                "JSON_TABLE", "MERGE_RETURNING", "RETURNING_OLD_NEW", "VIRTUAL_GENERATED_COLUMNS", "UUIDV7");
        for (String name : contract) {
            assertThat(Capability.valueOf(name).minimumVersion()).isNotNull();
        }
        assertThat(Capability.MERGE.minimumVersion()).isEqualTo(ServerVersion.of(15, 0));
        assertThat(Capability.MULTIRANGE.minimumVersion()).isEqualTo(ServerVersion.of(14, 0));
        assertThat(Capability.UPSERT.minimumVersion()).isEqualTo(ServerVersion.of(9, 5));
        assertThat(Capability.RETURNING_OLD_NEW.minimumVersion()).isEqualTo(ServerVersion.of(18, 0));
    }

    @Test
    void requireNamesCapabilityAndBothVersions() {
        Capabilities old = Capabilities.of(ServerVersion.of(14, 22));
        assertThat(old.supports(Capability.MULTIRANGE)).isTrue();
        assertThat(old.supports(Capability.MERGE)).isFalse();
        assertThatThrownBy(() -> old.require(Capability.MERGE))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("MERGE requires PostgreSQL 15+, connected server is 14.22")
                .satisfies(e -> {
                    UnsupportedCapabilityException u = (UnsupportedCapabilityException) e;
                    assertThat(u.capability()).isEqualTo(Capability.MERGE);
                    assertThat(u.serverVersion()).isEqualTo(ServerVersion.of(14, 22));
                });
    }

    @BothBackends
    void connectedServerReportsItsVersionAndCapabilities(Exec exec, TestDatabase db) {
        AnyBackend backend = db.on(exec);
        ServerVersion v = backend.serverVersion();
        // set per surefire execution; a -Dpg.version on the command line would override pg.version itself
        String expectedMajor = System.getProperty("pgrecord.expected.major", System.getProperty("pg.version"));
        if (expectedMajor != null && System.getenv("PGRECORD_TEST_URL") == null) {
            assertThat(v.major()).isEqualTo(Integer.parseInt(expectedMajor));
        }
        assertThat(v.toString()).isEqualTo(db.queryValue("SELECT current_setting('server_version_num')::int / 10000 || '.' "
                + "|| current_setting('server_version_num')::int % 10000"));

        Capabilities caps = backend.capabilities();
        EnumSet<Capability> expected = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if (v.compareTo(c.minimumVersion()) >= 0) {
                expected.add(c);
            }
        }
        assertThat(caps.supported()).isEqualTo(expected);
        for (Capability c : Capability.values()) {
            if (caps.supports(c)) {
                caps.require(c);
            } else {
                assertThatThrownBy(() -> caps.require(c))
                        .isInstanceOf(UnsupportedCapabilityException.class)
                        .hasMessageContaining(c.name() + " requires PostgreSQL")
                        .hasMessageEndingWith("connected server is " + v);
            }
        }
    }

    @BothBackends
    void gatesAgreeWithWhatTheServerAccepts(Exec exec, TestDatabase db) {
        AnyBackend backend = db.on(exec);
        Capabilities caps = backend.capabilities();
        // MERGE, multiranges and websearch_to_tsquery either parse on the server or are gated off.
        assertThat(accepts(backend, "SELECT websearch_to_tsquery('english', 'cat')"))
                .isEqualTo(caps.supports(Capability.WEBSEARCH_TSQUERY));
        assertThat(accepts(backend, "SELECT '{[1,2)}'::int4multirange"))
                .isEqualTo(caps.supports(Capability.MULTIRANGE));
        assertThat(accepts(backend, "SELECT uuidv7()"))
                .isEqualTo(caps.supports(Capability.UUIDV7));
        assertThat(accepts(backend, "SELECT '$.a'::jsonpath"))
                .isEqualTo(caps.supports(Capability.JSONPATH));
    }

    private static boolean accepts(AnyBackend backend, String sql) {
        try {
            backend.fetchValue(sql);
            return true;
        } catch (io.pgrecord.error.SqlSyntaxException | io.pgrecord.error.DataException e) {
            return false;
        }
    }
}
