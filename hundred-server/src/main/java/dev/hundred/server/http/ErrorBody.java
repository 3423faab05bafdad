package dev.hundred.server.http;

import java.util.List;

/** The 100ms error shape; {@code details} is always an array (decisions.md, Wire format). */
public record ErrorBody(int code, String message, List<String> details) {}
