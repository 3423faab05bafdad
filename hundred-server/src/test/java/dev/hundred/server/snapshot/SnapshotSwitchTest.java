package dev.hundred.server.snapshot;

import static dev.hundred.server.support.ErrorAssert.assertError;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Client;
import org.junit.jupiter.api.Test;

/** With --emulator false, reset, export and import are not there, like the rest of the emulator. */
class SnapshotSwitchTest {

    @Test
    void with_the_emulator_off_they_are_404() {
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb("mem").withEmulator(false)).start()) {
            Client api = Client.forNewWorkspace(server);
            assertError(api.post("/emulator/v1/reset", null), 404, "Not found");
            assertError(api.get("/emulator/v1/export"), 404, "Not found");
            assertError(api.post("/emulator/v1/import", "{}"), 404, "Not found");
        }
    }
}
