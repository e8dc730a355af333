package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("matrix")
class ServerVersionTest {

    @Test
    void parsesModernVersionNumbers() {
        ServerVersion v = ServerVersion.fromVersionNum("160004");
        assertThat(v.major()).isEqualTo(16);
        assertThat(v.minor()).isEqualTo(4);
        assertThat(v).hasToString("16.4");
        assertThat(ServerVersion.fromVersionNum("120022")).hasToString("12.22");
        assertThat(ServerVersion.fromVersionNum(" 180000\n")).isEqualTo(ServerVersion.of(18, 0));
    }

    @Test
    void parsesPreTenVersionNumbers() {
        ServerVersion v = ServerVersion.fromVersionNum("90624");
        assertThat(v).isEqualTo(new ServerVersion(9, 6, 24));
        assertThat(v).hasToString("9.6.24");
        assertThat(v.isAtLeast(9, 5)).isTrue();
        assertThat(v.isAtLeast(10)).isFalse();
    }

    @Test
    void comparesAndChecksMinimums() {
        ServerVersion v = ServerVersion.of(14, 22);
        assertThat(v.isAtLeast(14)).isTrue();
        assertThat(v.isAtLeast(15)).isFalse();
        assertThat(v.isAtLeast(14, 22)).isTrue();
        assertThat(v.isAtLeast(14, 23)).isFalse();
        assertThat(v).isLessThan(ServerVersion.of(15, 0)).isGreaterThan(ServerVersion.of(14, 3));
        assertThat(ServerVersion.of(15, 0).toShortString()).isEqualTo("15");
        assertThat(ServerVersion.of(9, 5).toShortString()).isEqualTo("9.5");
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> ServerVersion.fromVersionNum("16.4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'16.4'");
        assertThatThrownBy(() -> ServerVersion.fromVersionNum("42"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
