package dev.hundred.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cache's one subtle rule, made to happen on purpose: a read that a change overtook is not kept. */
class StampedCacheTest {

    @Test
    void a_read_overtaken_by_a_change_is_not_kept() {
        StampedCache<String, String> cache = new StampedCache<>(10);
        long stamp = cache.stamp();   // a read starts ...
        cache.forgetAll();            // ... a change commits while it is on its way back ...
        cache.put("r1", "old", stamp); // ... and it tries to keep what it read
        assertThat(cache.get("r1")).as("the overtaken copy").isNull();

        cache.put("r1", "new", cache.stamp());
        assertThat(cache.get("r1")).isEqualTo("new");
    }

    @Test
    void a_drop_forgets_what_was_kept_and_the_bound_starts_afresh() {
        StampedCache<String, String> cache = new StampedCache<>(2);
        cache.put("a", "1", cache.stamp());
        cache.forgetAll();
        assertThat(cache.get("a")).isNull();

        cache.put("a", "1", cache.stamp());
        cache.put("b", "2", cache.stamp());
        cache.put("c", "3", cache.stamp()); // a third beyond the bound of two: the others go
        assertThat(cache.get("c")).isEqualTo("3");
        assertThat(cache.get("a")).isNull();
    }
}
