package dev.hundred.server.http;

import io.javalin.http.Context;

/**
 * Sees every {@code /v2} request, so that the emulator can keep a journal of them and inject faults
 * without {@code http/} knowing the emulator. The calls come in this order on the request's thread:
 * {@link #arrived} before anything reads the request, {@link #authenticated} once the management token
 * has been accepted (not for calls without one, nor for refused tokens), {@link #answered} after the
 * answer is decided, errors included.
 */
public interface RequestObserver {
    RequestObserver NONE = new RequestObserver() {};

    default void arrived(Context ctx) {}

    /** May wait, or throw an {@link ApiError} to answer it instead of its endpoint. */
    default void authenticated(Context ctx) {}

    default void answered(Context ctx) {}
}
