package dev.hundred.server.sip;

import java.util.List;

/** {@code POST /v2/sip/dtmf}: {@code {"digits": ["0", "1"]}}. */
public record DtmfBody(List<String> digits) {}
