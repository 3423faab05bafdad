package dev.hundred.server.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic and the {@code --rate-limit} forms, on a clock the test moves. */
class RateLimiterTest {
    /** A clock that stands still until the test moves it. */
    private static final class MovedClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void forms_of_the_setting() {
        assertThat(RateLimit.parse("5/s")).isEqualTo(new RateLimit(5, Duration.ofSeconds(1)));
        assertThat(RateLimit.parse(" 600 / M ")).isEqualTo(new RateLimit(600, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("1000/h")).isEqualTo(new RateLimit(1000, Duration.ofHours(1)));
        assertThat(RateLimit.parse("off")).isNull();
        assertThat(RateLimit.parse("none")).isNull();
        assertThat(RateLimit.parse("")).isNull();
        assertThat(RateLimit.parse(null)).isNull();
        assertThat(RateLimit.parse("600/m")).hasToString("600/m");
        for (String bad : new String[] {"5", "5/d", "0/s", "-1/s", "1.5/s", "five/s", "99999999/s", "5/s/s"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_burst_then_one_token_per_interval_and_the_wait_in_whole_seconds() {
        MovedClock clock = new MovedClock();
        RateLimiter limiter = new RateLimiter(RateLimit.parse("2/m"), clock);
        assertThat(limiter.take("ws")).isZero();
        assertThat(limiter.take("ws")).isZero();
        assertThat(limiter.take("ws")).as("a token every 30 s").isEqualTo(30);
        clock.advance(Duration.ofMillis(29_500));
        assertThat(limiter.take("ws")).as("half a second left: at least 1").isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.take("ws")).isZero();
        assertThat(limiter.take("ws")).isEqualTo(30);
        clock.advance(Duration.ofDays(3650));
        assertThat(limiter.take("ws")).isZero();
        assertThat(limiter.take("ws")).isZero();
        assertThat(limiter.take("ws")).as("never more than the burst").isEqualTo(30);
        assertThat(limiter.take("another")).as("its own bucket").isZero();
    }

    @Test
    void the_largest_limit_does_not_overflow() {
        MovedClock clock = new MovedClock();
        RateLimiter limiter = new RateLimiter(new RateLimit(RateLimit.MAX_REQUESTS, Duration.ofHours(1)), clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.take("ws")).isZero();
        }
        clock.advance(Duration.ofDays(3650));
        assertThat(limiter.take("ws")).isZero();
    }

    @Test
    void a_rejected_request_takes_nothing() {
        MovedClock clock = new MovedClock();
        RateLimiter limiter = new RateLimiter(RateLimit.parse("1/s"), clock);
        assertThat(limiter.take("ws")).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.take("ws")).isEqualTo(1);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.take("ws")).isZero();
    }
}
