package dev.hundred.server.sip;

import dev.hundred.server.http.Text;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom SIP headers of an outbound call (SIP-Outbound.mdx, "Passing custom SIP headers"): names must be
 * SIP tokens and neither names nor values may hold line breaks (400 {@code invalid header}); reserved
 * headers, which route, frame, authenticate or identify the call, are dropped without a word, in their
 * long and compact forms, whatever their case.
 */
final class SipHeaders {
    static final int MAX_HEADERS = 32;
    static final int MAX_NAME = 128;
    static final int MAX_VALUE = 1024;
    /** RFC 3261 token characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    /** The docs' list (which "includes but is not limited to") and its kin, lowercase. */
    static final Set<String> RESERVED = Set.of("to", "from", "via", "contact", "call-id", "cseq", "max-forwards",
            "route", "record-route", "content-type", "content-length", "authorization", "proxy-authorization",
            "www-authenticate", "proxy-authenticate", "p-asserted-identity", "p-preferred-identity",
            "remote-party-id", "diversion",
            // compact forms (RFC 3261 §7.3.3): t To, f From, v Via, m Contact, i Call-ID, c Content-Type, l Content-Length
            "t", "f", "v", "m", "i", "c", "l");

    private SipHeaders() {}

    /** The headers to send, in the order given, reserved ones left out; null means none. */
    static Map<String, String> kept(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (headers == null) {
            return kept;
        }
        if (headers.size() > MAX_HEADERS) {
            throw SipErrors.invalid("header", "at most " + MAX_HEADERS + " headers");
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name.length() > MAX_NAME || !TOKEN.matcher(name).matches()) {
                throw SipErrors.invalid("header", "header names must be SIP tokens of at most " + MAX_NAME
                        + " characters, without line breaks");
            }
            if (value == null || value.length() > MAX_VALUE || Text.hasControlCharacters(value.replace('\t', ' '))) {
                throw SipErrors.invalid("header", "header " + name + " must have a string value of at most "
                        + MAX_VALUE + " characters, without line breaks");
            }
            if (!RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    /** A header's value by name, whatever its case (dial-in identity headers), or null. */
    static String find(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
