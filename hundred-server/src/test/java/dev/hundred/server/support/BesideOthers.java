package dev.hundred.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that mostly waits (on child {@code hundred} processes, or on a real timeout) and so runs beside
 * the other classes instead of after them: the suite's one sequential stream goes on meanwhile (the pom's
 * JUnit settings: classes run one after another unless marked so).
 *
 * <p>Classes marked so run one at a time, among themselves (the shared lock), and their tests one after another
 * in one thread (a class holding a lock runs its tests in the same thread); a marked class must not depend on
 * running alone: no moving a shared server's clock, no process-wide settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("beside-others")
public @interface BesideOthers {}
