package dev.hundred.server.polls;

import java.util.List;

/**
 * An answer a peer sends (the gateway's {@code poll-response}, the emulator's {@code poll-responses}), in
 * the client SDKs' terms: {@code question} (its index), {@code option} for a single-choice question,
 * {@code options} for a multiple-choice one, {@code text} for a short or long answer, {@code skipped},
 * and {@code duration}, the milliseconds the participant took.
 */
public record ResponseBody(String pollId, Integer question, Integer option, List<Integer> options, String text,
                           Boolean skipped, Integer duration) {}
