package dev.hundred.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a feature asks for when it starts a job, already validated: its {@code kind}, the meeting URL the
 * recorder opens, the template destination it follows ({@code ""} for none), the kind's own parameters,
 * the recorder's role (null: {@link JobService#BEAM_ROLE}), the longest it may run (seconds, null: the
 * cloud's 4 h) and who asked ({@code ""} for the REST API, as the cloud shows it).
 */
public record JobStart(String kind, String meetingUrl, String destination, ObjectNode spec, String beamRole,
                       Integer maxDurationSeconds, String startedBy) {}
