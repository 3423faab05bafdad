package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The accounting of a socket's outgoing queue, on a wire that writes only when the test says so. */
class OutboxTest {
    /** Keeps what was sent; {@link #write()} completes the oldest. */
    private static final class SlowWire implements Outbox.Wire {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public void send(String text, Runnable done) {
            sent.add(text);
            pending.add(done);
        }

        void write() {
            pending.remove(0).run();
        }
    }

    @Test
    void past_the_message_count_it_overflows_once_and_sends_nothing_more() {
        SlowWire wire = new SlowWire();
        AtomicInteger overflows = new AtomicInteger();
        Outbox outbox = new Outbox(wire, 3, 1_000_000, overflows::incrementAndGet);
        assertThat(outbox.send("a")).isTrue();
        assertThat(outbox.send("b")).isTrue();
        wire.write(); // a is out: room for two more
        assertThat(outbox.send("c")).isTrue();
        assertThat(outbox.send("d")).isTrue();
        assertThat(outbox.queuedMessages()).isEqualTo(3);
        assertThat(outbox.send("e")).isFalse();
        assertThat(outbox.send("f")).isFalse();
        wire.write();
        assertThat(outbox.send("g")).as("once full, always full").isFalse();
        assertThat(overflows.get()).isEqualTo(1);
        assertThat(outbox.overflowed()).isTrue();
        assertThat(wire.sent).containsExactly("a", "b", "c", "d");
    }

    @Test
    void past_the_bytes_it_overflows_counting_utf8() {
        SlowWire wire = new SlowWire();
        AtomicInteger overflows = new AtomicInteger();
        Outbox outbox = new Outbox(wire, 100, 10, overflows::incrementAndGet);
        assertThat(outbox.send("éé")).isTrue(); // 4 bytes
        assertThat(outbox.send("€€")).isTrue(); // 6 bytes: 10 in all
        assertThat(outbox.queuedBytes()).isEqualTo(10);
        wire.write();
        assertThat(outbox.queuedBytes()).isEqualTo(6);
        assertThat(outbox.send("\uD83D\uDE00")).isTrue(); // one emoji, 4 bytes
        assertThat(outbox.send("x")).isFalse();
        assertThat(overflows.get()).isEqualTo(1);
    }

    @Test
    void a_frame_is_released_once_even_when_told_twice_and_the_written_action_runs_once() {
        List<Runnable> pending = new ArrayList<>();
        Outbox outbox = new Outbox((text, done) -> pending.add(done), 1, 100, () -> {});
        AtomicInteger written = new AtomicInteger();
        assertThat(outbox.send("a", written::incrementAndGet)).isTrue();
        pending.get(0).run();
        pending.get(0).run();
        assertThat(written.get()).isEqualTo(1);
        assertThat(outbox.queuedMessages()).isZero();
        assertThat(outbox.send("b")).isTrue();
    }

    @Test
    void utf8_lengths() {
        assertThat(Outbox.utf8Length("abc")).isEqualTo(3);
        assertThat(Outbox.utf8Length("é")).isEqualTo(2);
        assertThat(Outbox.utf8Length("€")).isEqualTo(3);
        assertThat(Outbox.utf8Length("\uD83D\uDE00")).isEqualTo(4);
        assertThat(Outbox.utf8Length("\uD83D")).isEqualTo(3); // a lone surrogate is written as '?', counted high
    }
}
