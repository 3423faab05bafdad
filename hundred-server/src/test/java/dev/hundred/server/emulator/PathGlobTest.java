package dev.hundred.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathGlobTest {
    @Test
    void a_star_is_one_segment_or_part_of_one() {
        PathGlob rooms = PathGlob.of("/v2/rooms/*");
        assertThat(rooms.matches("/v2/rooms/abc")).isTrue();
        assertThat(rooms.matches("/v2/rooms/")).isTrue();
        assertThat(rooms.matches("/v2/rooms")).isFalse();
        assertThat(rooms.matches("/v2/rooms/abc/def")).isFalse();
        PathGlob part = PathGlob.of("/v2/room-*/x*y");
        assertThat(part.matches("/v2/room-codes/xzzy")).isTrue();
        assertThat(part.matches("/v2/room-codes/xy")).isTrue();
        assertThat(part.matches("/v2/rooms/xy")).isFalse();
        assertThat(PathGlob.of("/v2/rooms/*/peers").matches("/v2/rooms/r1/peers")).isTrue();
    }

    @Test
    void two_stars_are_any_number_of_segments() {
        PathGlob all = PathGlob.of("/v2/**");
        assertThat(all.matches("/v2")).isTrue();
        assertThat(all.matches("/v2/")).isTrue();
        assertThat(all.matches("/v2/a/b/c")).isTrue();
        assertThat(all.matches("/v2x")).isFalse();
        assertThat(all.matches("/emulator/v1/clock")).isFalse();
        PathGlob middle = PathGlob.of("/v2/**/peers");
        assertThat(middle.matches("/v2/peers")).isTrue();
        assertThat(middle.matches("/v2/active-rooms/r/peers")).isTrue();
        assertThat(middle.matches("/v2/active-rooms/r/peers/p")).isFalse();
    }

    @Test
    void everything_else_is_literal() {
        assertThat(PathGlob.of("/v2/a.b+(c)").matches("/v2/a.b+(c)")).isTrue();
        assertThat(PathGlob.of("/v2/a.b").matches("/v2/aXb")).isFalse();
        assertThat(PathGlob.of("/v2/\\Q").matches("/v2/\\Q")).isTrue();
        assertThat(PathGlob.of("/v2/rooms").toString()).isEqualTo("/v2/rooms");
    }

    @Test
    void bad_globs_say_why() {
        assertThatThrownBy(() -> PathGlob.of("")).hasMessage("must start with /");
        assertThatThrownBy(() -> PathGlob.of("v2")).hasMessage("must start with /");
        assertThatThrownBy(() -> PathGlob.of("/v2/a**")).hasMessage("has ** inside a segment (** must be a whole segment)");
        assertThatThrownBy(() -> PathGlob.of("/v2?a")).hasMessage("is a path only: no ? or #");
        assertThatThrownBy(() -> PathGlob.of("/" + "a".repeat(1024))).hasMessage("is longer than 1024 characters");
    }
}
