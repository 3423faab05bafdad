package dev.hundred.server.jobs;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job state machine on its own, with a kind no feature owns ("test_job"), on a frozen server clock so
 * every time is exact: phases on durable timers, the recorder as a peer, auto-stop after the last person,
 * the room ending, and the emulator's controls. Each back end has a server of its own: the clock moves.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class JobStateMachineTest {
    static final String KIND = "test_job";
    private static final List<JobChanged> CHANGES = new CopyOnWriteArrayList<>();

    @Parameter
    String backend;
    Client api;
    Hundred server;

    @BeforeEach
    void setUp() {
        server = Backends.own("jobs", backend, c -> c,
                s -> s.events().subscribe(JobChanged.class, (h, e) -> h.afterCommit(() -> CHANGES.add(e))));
        api = Client.forNewWorkspace(server);
        api.freezeClock(true);
    }

    private MediaJob start(String room) {
        return server.jobs().start(api.workspace(), room, new JobStart(KIND, "https://example.test/meeting", "",
                Json.MAPPER.createObjectNode(), null, null, ""));
    }

    private MediaJob job(String id) {
        return server.jobs().find(api.workspace(), KIND, id).orElseThrow();
    }

    private List<String> transitions(String jobId) {
        return CHANGES.stream().filter(e -> e.job().id().equals(jobId))
                .map(e -> e.previousStatus() + ">" + e.job().status()).toList();
    }

    private Instant now() {
        return Timestamps.parse(api.get("/emulator/v1/clock").at("/now"));
    }

    @Test
    void a_job_runs_through_its_phases_on_the_clock_with_its_recorder_in_the_room() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        Instant t0 = now();
        MediaJob job = start(room);
        assertThat(job.status()).isEqualTo(MediaJob.STARTING);
        assertThat(job.startedAt()).isNull();
        JsonNode peers = api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
        assertThat(peers.path(job.beamPeerId()).path("role").asText()).isEqualTo(JobService.BEAM_ROLE);

        api.advanceClock(0.2);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.RUNNING);
        assertThat(job(job.id()).startedAt()).isEqualTo(t0.plusMillis(200));

        api.advanceClock(60);
        MediaJob stopping = server.jobs().stop(api.workspace(), job(job.id()), "");
        assertThat(stopping.status()).isEqualTo(MediaJob.STOPPING);
        assertThat(stopping.stopReason()).isEqualTo(JobService.CLIENT_REQUEST);

        api.advanceClock(0.5); // stop (0.2 s) and post-processing (0.3 s), one after the other
        MediaJob done = job(job.id());
        assertThat(done.status()).isEqualTo(MediaJob.COMPLETED);
        assertThat(done.stoppedAt()).isEqualTo(t0.plusMillis(200 + 60_000 + 200));
        assertThat(done.completedAt()).isEqualTo(t0.plusMillis(200 + 60_000 + 500));
        assertThat(done.recorded(done.completedAt()).toMillis()).isEqualTo(60_200);
        assertThat(transitions(job.id())).containsExactly("null>starting", "starting>running", "running>stopping",
                "stopping>post_processing", "post_processing>completed");
        assertThat(api.get("/v2/active-rooms/" + room + "/peers").json().path("peers").has(job.beamPeerId())).isFalse();
    }

    @Test
    void a_second_start_while_one_runs_is_refused_and_the_room_must_be_enabled() {
        String room = Live.room(api);
        start(room);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> start(room)))
                .hasMessage("Invalid request");
        String disabled = Live.room(api, Map.of("name", "off-" + System.nanoTime()));
        api.post("/v2/rooms/" + disabled, Map.of("enabled", false));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> start(disabled))).hasMessage("Room is disabled");
    }

    @Test
    void the_job_stops_once_the_last_person_has_been_gone_for_the_timeout() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        MediaJob job = start(room);
        api.advanceClock(1);
        Live.leave(api, room, ann);
        api.advanceClock(299);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.RUNNING);
        String bob = Live.join(api, room, "host", "Bob").path("id").asText(); // someone came back: no stop
        api.advanceClock(10);
        Live.leave(api, room, bob);
        api.advanceClock(299.9);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.RUNNING);
        api.advanceClock(0.1);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.STOPPING);
        assertThat(job(job.id()).stopReason()).isEqualTo(JobService.LAST_PEER_LEFT);
        api.advanceClock(1);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.COMPLETED);
        assertThat(api.get("/v2/sessions/" + job.sessionId()).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void ending_the_room_stops_its_jobs_with_reason_room_ended() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        MediaJob job = start(room);
        api.advanceClock(1);
        assertThat(api.post("/v2/active-rooms/" + room + "/end-room", Map.of()).status()).isEqualTo(200);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.STOPPING);
        assertThat(job(job.id()).stopReason()).isEqualTo(JobService.ROOM_ENDED);
        api.advanceClock(1);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.COMPLETED);
    }

    @Test
    void the_emulator_advances_and_fails_jobs() {
        String room = Live.room(api);
        MediaJob job = start(room);
        JsonNode advanced = api.post("/emulator/v1/jobs/" + job.id() + "/advance", null).json();
        assertThat(advanced.path("status").asText()).isEqualTo("running");
        assertThat(api.post("/emulator/v1/jobs/" + job.id() + "/advance", null).json().path("status").asText())
                .isEqualTo("stopping");
        JsonNode failed = api.post("/emulator/v1/jobs/" + job.id() + "/fail",
                Map.of("error_type", "UPLOAD_ERROR", "error_message", "bucket gone")).json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error_type").asText()).isEqualTo("UPLOAD_ERROR");
        assertThat(failed.path("stop_reason").asText()).isEqualTo("failure: UPLOAD_ERROR");
        assertError(api.post("/emulator/v1/jobs/" + job.id() + "/advance", null), 400, "Invalid request",
                "job is failed: it has no next state");
        assertError(api.post("/emulator/v1/jobs/" + job.id() + "/fail", Map.of("error_type", "OOPS")), 400,
                "Invalid body param", "error_type must be one of BEAM_STOPPED, INTERNAL_ERROR, MAX_RETRIES_REACHED, UPLOAD_ERROR");
        assertError(api.post("/emulator/v1/jobs/000000000000000000000000/advance", null), 404, "Job not found");
        Client other = Client.forNewWorkspace(server);
        assertError(other.get("/emulator/v1/jobs/" + job.id()), 404, "Job not found");
    }

    @Test
    void a_job_stopped_before_it_ran_fails_with_beam_stopped() {
        String room = Live.room(api);
        MediaJob job = start(room);
        server.jobs().stop(api.workspace(), job, "");
        api.advanceClock(1);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.FAILED);
        assertThat(job(job.id()).errorType()).isEqualTo(JobService.BEAM_STOPPED);
    }

    @Test
    void settings_change_the_phase_delays_per_workspace() {
        JsonNode defaults = api.get("/emulator/v1/settings").json().path("jobs");
        assertThat(defaults.path("start_delay_seconds").asDouble()).isEqualTo(0.2);
        assertThat(defaults.path("last_peer_timeout_seconds").asDouble()).isEqualTo(300.0);
        JsonNode changed = api.post("/emulator/v1/settings", Map.of("jobs", Map.of("start_delay_seconds", 5))).json();
        assertThat(changed.path("jobs").path("start_delay_seconds").asDouble()).isEqualTo(5.0);
        assertThat(changed.path("jobs").path("stop_delay_seconds").asDouble()).isEqualTo(0.2);
        String room = Live.room(api);
        MediaJob job = start(room);
        api.advanceClock(4.9);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.STARTING);
        api.advanceClock(0.1);
        assertThat(job(job.id()).status()).isEqualTo(MediaJob.RUNNING);

        JsonNode cloud = api.post("/emulator/v1/settings", Map.of("jobs", Map.of("preset", "cloud"))).json();
        assertThat(cloud.path("jobs").path("start_delay_seconds").asDouble()).isEqualTo(10.0);
        assertError(api.post("/emulator/v1/settings", Map.of("jobs", Map.of("stop_delay_seconds", -1))), 400,
                "Invalid body param", "jobs.stop_delay_seconds must be a number of seconds from 0 to 86400");
        assertError(api.post("/emulator/v1/settings", Map.of("jobs", Map.of("stop_delay_seconds", "1"))), 400,
                "Invalid body param", "jobs.stop_delay_seconds must be a number");
        assertError(api.post("/emulator/v1/settings", Map.of("nope", Map.of())), 400, "Invalid body param");
        assertThat(Client.forNewWorkspace(server).get("/emulator/v1/settings").json().path("jobs")
                .path("start_delay_seconds").asDouble()).isEqualTo(0.2);
    }
}
