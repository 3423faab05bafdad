package dev.hundred.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.client.HmsClient;
import dev.hundred.client.param.RoomCreateParams;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

@HundredTest(lifecycle = HundredTest.Lifecycle.PER_METHOD)
class PerMethodTest {
    private static final Set<String> URLS = new HashSet<>();

    @RepeatedTest(3)
    void eachTestHasAFreshServer(HundredServer hundred, HmsClient hms) {
        assertThat(URLS.add(hundred.url())).as("a new server each time").isTrue();
        assertThat(hms.rooms().list().data()).isEmpty();
        hms.rooms().create(RoomCreateParams.builder().name("only-here").build());
    }
}
