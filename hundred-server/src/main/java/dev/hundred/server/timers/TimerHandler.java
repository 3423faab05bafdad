package dev.hundred.server.timers;

/**
 * What happens when a timer of one kind fires. The handler opens its own transaction (taking whatever
 * locks its change needs, e.g. the room's) and in it calls {@link Timers#consume}; it makes its change
 * only when that answers true, so that the change and the timer's removal commit together and no timer
 * takes effect twice, on any node. Throwing leaves the timer to be tried again later.
 */
@FunctionalInterface
public interface TimerHandler {
    void fire(Timer timer);
}
