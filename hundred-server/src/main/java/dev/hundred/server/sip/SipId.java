package dev.hundred.server.sip;

/** What the trunk and call endpoints answer: {@code {"id": "<trunk_id>"}} or {@code {"id": "<call id>"}}. */
public record SipId(String id) {}
