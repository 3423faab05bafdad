package dev.hundred.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real Hundred started in this JVM on a free port, with an
 * in-memory database, once for the class (by default). Test and lifecycle methods may declare parameters
 * of type {@link HundredServer} (URL, credentials, the emulator's controls) and
 * {@link dev.hundred.client.HmsClient} (pointed at it, its token clock following the server's clock).
 *
 * <pre>{@code
 * @HundredTest
 * class CheckoutTest {
 *   @Test void recordsTheCall(HundredServer hundred, HmsClient hms) {
 *     Room room = hms.rooms().create(RoomCreateParams.builder().name("call").build());
 *     Peer ann = hundred.emulator().join(room.id(), "host", "ann");
 *     hundred.events().await("peer.join.success", Duration.ofSeconds(5));
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HundredExtension.class)
public @interface HundredTest {

    /** One server for the whole class (default), or a fresh one for each test method. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * Wipe the server's state before each test ({@code POST /emulator/v1/reset}) when it is shared by the
     * class. A server without that endpoint makes the tests abort (skipped) rather than share state silently.
     */
    boolean reset() default false;

    /** {@code mem} (default: a throwaway H2 database), a directory for H2 files, or a {@code jdbc:postgresql:} URL. */
    String db() default "mem";

    /**
     * A classpath resource with requests to make right after start: a JSON array of
     * {@code {"method": "POST", "path": "/v2/rooms", "body": {...}}} (paths under /v2 or /emulator/v1).
     */
    String seed() default "";

    /** The default workspace's access key (empty: generated); with {@link #secret()}, to reuse fixed credentials. */
    String accessKey() default "";

    /** The default workspace's secret (empty: generated). */
    String secret() default "";

    /** How long a server lives. */
    enum Lifecycle {
        PER_CLASS,
        PER_METHOD
    }
}
