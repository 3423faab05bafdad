package dev.hundred.server.polls;

/** A choice of a question (spec §14.1), also the body of the option rewrite. */
public record Option(Integer index, String text, Integer weight) {

    Option withIndex(int newIndex) {
        return new Option(newIndex, text, weight);
    }
}
