package dev.hundred.server.sip;

/** Create or update an outbound trunk (spec §16); on update only the fields sent change. */
public record TrunkBody(String username, String password, String address, String from) {}
