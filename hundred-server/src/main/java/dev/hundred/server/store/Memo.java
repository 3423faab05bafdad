package dev.hundred.server.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was made from an input, per key, made again only when the input read now differs from the one it was
 * made from: the input is still read every time (so a change made on any node shows at once), only the work of
 * making the output again is saved (a JSON parse, a JSON write). Outputs must be immutable: callers share them.
 */
public final class Memo<I, O> {
    /** How an output is made from its input. */
    @FunctionalInterface
    public interface Maker<I, O, X extends Exception> {
        O make(I input) throws X;
    }

    private record Kept<I, O>(I input, O output) {}

    private final int max;
    private final Map<String, Kept<I, O>> kept = new ConcurrentHashMap<>();

    /** Beyond {@code max} keys the memo starts afresh: a bound on memory, not a policy worth more. */
    public Memo(int max) {
        this.max = max;
    }

    /** The output made from {@code input} for {@code key}: the kept one while its input equals this one. */
    public <X extends Exception> O get(String key, I input, Maker<I, O, X> maker) throws X {
        Kept<I, O> k = kept.get(key);
        if (k != null && k.input().equals(input)) {
            return k.output();
        }
        O output = maker.make(input);
        if (kept.size() >= max) {
            kept.clear();
        }
        kept.put(key, new Kept<>(input, output));
        return output;
    }
}
