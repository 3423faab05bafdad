package dev.hundred.server.sip;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of the SIP bodies. Mandatory fields answer the documented {@code <field> is mandatory};
 * a field of the wrong form {@code invalid <field>} with why in details (never the value of a password).
 */
final class SipRules {
    static final int MAX_CREDENTIAL = 255;
    static final int MAX_ADDRESS = 255;
    static final int MAX_FROM = 64;
    static final int MAX_TO = 255;
    /** As a peer's name and user_id anywhere else (activerooms LiveRules). */
    static final int MAX_NAME = 1024;
    static final int MAX_DIGITS = 256;
    /** DTMF tones (SIP-DTMF-transmission.mdx): 0-9, *, #, a-d. */
    static final Set<String> DIGITS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "a", "b",
            "c", "d");
    /** {@code [sip:|sips:]host[:port]}, host a DNS name, an IPv4 address or a bracketed IPv6 address. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)(sips?:)?"
            + "(?<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?"
            + "|\\[[0-9a-f:.]+\\])(?::(?<port>[0-9]{1,5}))?");
    /** Room codes are short lowercase words with hyphens (roomcodes RoomCodeFormat); anything else is unknown. */
    private static final Pattern ROOM_CODE = Pattern.compile("[a-z-]{1,64}");

    private SipRules() {}

    static void checkNewTrunk(TrunkBody body) {
        for (String[] field : new String[][] {{"username", body.username()}, {"password", body.password()},
                {"address", body.address()}, {"from", body.from()}}) {
            if (field[1] == null || field[1].isEmpty()) {
                throw SipErrors.mandatory(field[0]);
            }
        }
        checkTrunkFields(body);
    }

    /** The fields given (an update changes only those); an empty value is refused like a missing one. */
    static void checkTrunkFields(TrunkBody body) {
        if (body.username() != null) {
            line("username", body.username(), MAX_CREDENTIAL);
        }
        if (body.password() != null) {
            if (body.password().isEmpty()) {
                throw SipErrors.mandatory("password");
            }
            if (body.password().length() > MAX_CREDENTIAL || Text.hasControlCharacters(body.password())) {
                throw SipErrors.invalid("password", "password must be at most " + MAX_CREDENTIAL
                        + " characters without control characters");
            }
        }
        if (body.address() != null) {
            checkAddress(body.address());
        }
        if (body.from() != null) {
            line("from", body.from(), MAX_FROM);
            if (body.from().chars().anyMatch(Character::isWhitespace)) {
                throw SipErrors.invalid("from", "from must be a phone number or SIP user without spaces");
            }
        }
    }

    private static void checkAddress(String address) {
        if (address.isEmpty()) {
            throw SipErrors.mandatory("address");
        }
        var m = ADDRESS.matcher(address);
        boolean ok = address.length() <= MAX_ADDRESS && m.matches();
        if (ok && m.group("port") != null) {
            int port = Integer.parseInt(m.group("port"));
            ok = port >= 1 && port <= 65535;
        }
        if (!ok) {
            throw SipErrors.invalid("address", "address must be a SIP host: [sip:]host[:port], at most "
                    + MAX_ADDRESS + " characters");
        }
    }

    /** The call's own fields; the headers are {@link SipHeaders}'. */
    static void checkCall(CallBody body) {
        if (blank(body.to())) {
            throw SipErrors.mandatory("to");
        }
        if (blank(body.roomCode())) {
            throw SipErrors.mandatory("room_code");
        }
        if (blank(body.trunkId())) {
            throw SipErrors.mandatory("trunk_id");
        }
        line("to", body.to(), MAX_TO);
        optionalLine("name", body.name(), MAX_NAME);
        optionalLine("user_id", body.userId(), MAX_NAME);
    }

    static boolean isRoomCode(String code) {
        return code != null && ROOM_CODE.matcher(code).matches();
    }

    /** The digits of a DTMF request, each one of {@link #DIGITS}. */
    static List<String> digits(DtmfBody body) {
        if (body.digits() == null || body.digits().isEmpty()) {
            throw SipErrors.digitsMandatory();
        }
        if (body.digits().size() > MAX_DIGITS) {
            throw ApiError.badBody("digits must have at most " + MAX_DIGITS + " entries");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < body.digits().size(); i++) {
            String d = body.digits().get(i);
            if (d == null || !DIGITS.contains(d)) {
                throw SipErrors.invalidDigit("digits[" + i + "] must be one of 0-9, *, #, a, b, c, d");
            }
            out.add(d);
        }
        return out;
    }

    static void optionalLine(String field, String value, int max) {
        if (value != null && !value.isEmpty()) {
            line(field, value, max);
        }
    }

    static void line(String field, String value, int max) {
        if (value.isEmpty()) {
            throw SipErrors.mandatory(field);
        }
        if (value.length() > max || Text.hasControlCharacters(value)) {
            throw SipErrors.invalid(field, field + " must be at most " + max + " characters without control characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
