package dev.hundred.server.timers;

import java.time.Duration;

/**
 * A worker loop's doorbell: any thread rings it (a commit that made work, a stop), and the loop's wait
 * returns at once if it was rung since the loop last waited, so a ring between two waits is never missed.
 */
public final class Wakeup {
    private boolean rung;

    public synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /** Waits up to {@code max} (at least a millisecond) unless rung; false when the thread was interrupted. */
    public synchronized boolean await(Duration max) {
        try {
            if (!rung) {
                wait(Math.max(1, max.toMillis()));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            rung = false;
        }
    }
}
