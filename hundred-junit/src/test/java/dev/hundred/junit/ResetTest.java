package dev.hundred.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.client.HmsClient;
import dev.hundred.client.param.RoomCreateParams;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

/** reset = true: one server, emptied before each test. Aborted (skipped) on a Hundred without /emulator/v1/reset. */
@HundredTest(reset = true)
class ResetTest {
    private static final Set<String> URLS = new HashSet<>();

    @RepeatedTest(2)
    void eachTestStartsEmptyOnTheSameServer(HundredServer hundred, HmsClient hms) {
        URLS.add(hundred.url());
        assertThat(URLS).hasSize(1);
        assertThat(hms.rooms().list().data()).isEmpty();
        hms.rooms().create(RoomCreateParams.builder().name("wiped-next-time").build());
    }
}
