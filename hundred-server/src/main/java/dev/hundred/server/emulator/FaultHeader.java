package dev.hundred.server.emulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request that asks for a fault itself: {@code X-Hundred-Fault: status=503;delay_ms=200;message=try later}.
 * {@code key=value} items separated by {@code ;} (spaces around them ignored), keys {@code status}
 * (400-599), {@code delay_ms} (0-30000) and {@code message} (with a status; it cannot hold a ;), each at
 * most once, a status or a delay required. Anything else is 400 {@code Invalid header}.
 */
final class FaultHeader {
    static final String NAME = "X-Hundred-Fault";
    private static final Set<String> KEYS = Set.of("status", "delay_ms", "message");

    private FaultHeader() {}

    /** The injection the header asks for; null when there is no header. */
    static Injection parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw EmulatorErrors.badFaultHeader("give it once");
        }
        String header = values.get(0);
        if (header.length() > FaultService.MAX_MESSAGE + 64) {
            throw EmulatorErrors.badFaultHeader("is too long");
        }
        Map<String, String> items = new HashMap<>();
        for (String item : header.split(";", -1)) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw EmulatorErrors.badFaultHeader(item.isBlank() ? "has an empty item" : "'" + item.trim() + "' is not key=value");
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw EmulatorErrors.badFaultHeader("unknown key '" + key + "' (keys: status, delay_ms, message)");
            }
            if (items.put(key, value) != null) {
                throw EmulatorErrors.badFaultHeader(key + " is given twice");
            }
        }
        Integer status = items.containsKey("status") ? number(items.get("status"), "status", 400, 599) : null;
        int delay = items.containsKey("delay_ms") ? number(items.get("delay_ms"), "delay_ms", 0, FaultService.MAX_DELAY_MS) : 0;
        String message = items.get("message");
        if (status == null && !items.containsKey("delay_ms")) {
            throw EmulatorErrors.badFaultHeader("needs status or delay_ms");
        }
        if (message != null && status == null) {
            throw EmulatorErrors.badFaultHeader("message needs a status");
        }
        if (message != null && message.isEmpty()) {
            throw EmulatorErrors.badFaultHeader("message is empty");
        }
        return Injection.of(NAME, status, message, delay);
    }

    private static int number(String value, String key, int min, int max) {
        if (!value.matches("\\d{1,9}")) {
            throw EmulatorErrors.badFaultHeader(key + " must be an integer from " + min + " to " + max);
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw EmulatorErrors.badFaultHeader(key + " must be an integer from " + min + " to " + max);
        }
        return n;
    }
}
