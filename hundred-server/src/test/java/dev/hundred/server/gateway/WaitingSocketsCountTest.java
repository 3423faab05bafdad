package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counting behind the cap on sockets waiting to join, with small figures (the real ones are 100 and 1000). */
class WaitingSocketsCountTest {

    @Test
    void an_address_gets_its_share_and_no_more() {
        WaitingSockets waiting = new WaitingSockets(2, 10);
        assertThat(waiting.admit("a")).isNull();
        assertThat(waiting.admit("a")).isNull();
        assertThat(waiting.admit("a")).isEqualTo("too many sockets waiting to join from this address");
        assertThat(waiting.admit("b")).isNull();
        assertThat(waiting.waiting()).isEqualTo(3);
        waiting.release("a");
        assertThat(waiting.waiting("a")).isEqualTo(1);
        assertThat(waiting.admit("a")).isNull();
    }

    @Test
    void all_addresses_together_get_the_total_and_no_more() {
        WaitingSockets waiting = new WaitingSockets(2, 3);
        assertThat(waiting.admit("a")).isNull();
        assertThat(waiting.admit("b")).isNull();
        assertThat(waiting.admit("c")).isNull();
        assertThat(waiting.admit("d")).isEqualTo("too many sockets waiting to join");
        waiting.release("b");
        assertThat(waiting.admit("d")).isNull();
        assertThat(waiting.waiting()).isEqualTo(3);
    }

    @Test
    void a_place_taken_back_goes_past_the_limits_and_releasing_what_was_never_taken_does_nothing() {
        WaitingSockets waiting = new WaitingSockets(1, 1);
        assertThat(waiting.admit("a")).isNull();
        waiting.readmit("a");
        assertThat(waiting.waiting("a")).isEqualTo(2);
        waiting.release("a");
        waiting.release("a");
        waiting.release("a");
        waiting.release("z");
        assertThat(waiting.waiting()).isZero();
        assertThat(waiting.admit("a")).isNull();
    }
}
