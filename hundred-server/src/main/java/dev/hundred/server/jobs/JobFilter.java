package dev.hundred.server.jobs;

/** A list of one kind's jobs (spec §8.6, §10.2, §11.2): each filter null when not given. */
public record JobFilter(String kind, String roomId, String sessionId, String status, String start, int limit) {}
