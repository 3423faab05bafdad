package dev.hundred.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's one subtle rule, made to happen on purpose: a read that a change overtook is not kept. */
class RoomCacheTest {
    private static Room room(String description) {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        return new Room("r1", "name", true, description, "c", "c", "ws", null, true, "t", "template", "auto",
                false, 0, 43200, List.of(), null, "c:name", at, at);
    }

    @Test
    void a_read_overtaken_by_a_change_is_answered_but_not_kept() {
        RoomCache cache = new RoomCache();
        AtomicInteger reads = new AtomicInteger();

        Optional<Room> raced = cache.get("r1", () -> {
            reads.incrementAndGet();
            cache.forgetAll(); // a change commits while this read is on its way back
            return Optional.of(room("old"));
        });
        assertThat(raced.orElseThrow().description()).isEqualTo("old");

        Optional<Room> next = cache.get("r1", () -> {
            reads.incrementAndGet();
            return Optional.of(room("new"));
        });
        assertThat(next.orElseThrow().description()).as("read again, not the overtaken copy").isEqualTo("new");
        assertThat(cache.get("r1", () -> Optional.of(room("never read"))).orElseThrow().description())
                .as("kept now").isEqualTo("new");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_room_not_found_is_read_again_next_time() {
        RoomCache cache = new RoomCache();
        assertThat(cache.get("r1", Optional::empty)).isEmpty();
        assertThat(cache.get("r1", () -> Optional.of(room("made since"))).orElseThrow().description())
                .isEqualTo("made since");
    }
}
