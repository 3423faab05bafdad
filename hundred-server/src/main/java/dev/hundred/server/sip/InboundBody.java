package dev.hundred.server.sip;

import java.util.Map;

/**
 * The emulator's dial-in (SIP-Interconnect.mdx): a caller dials {@code sip:<room_code>@...} from
 * {@code from}, with the optional identity headers {@code X-100ms-Display-Name} and {@code X-100ms-UserID}.
 */
public record InboundBody(String roomCode, String from, Boolean video, Map<String, String> headers) {}
