package dev.hundred.server.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The emulator's per-workspace settings ({@code /emulator/v1/settings}): one JSON object of sections
 * ({@code "jobs"}, ...), each owned by the feature that registered it with its defaults and rules.
 * What a workspace never set reads as the section's default, so the defaults can change without a
 * migration; a POST replaces the fields it names and keeps the others.
 */
public final class EmulatorSettings {
    /** One section: its record type, defaults, how a stored or posted value is completed and checked. */
    private record Section<T>(Class<T> type, T defaults, UnaryOperator<ObjectNode> expand, Function<T, T> check) {}

    private final Database db;
    private final SettingsStore store = new SettingsStore();
    private final Clock clock;
    private final Map<String, Section<?>> sections = new ConcurrentHashMap<>();

    public EmulatorSettings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Registers a section. {@code expand} may turn shorthand fields of a POST into real ones (a preset
     * into its values) before they are merged; {@code check} answers the value to keep or throws a 400.
     */
    public <T> void section(String name, Class<T> type, T defaults, UnaryOperator<ObjectNode> expand, Function<T, T> check) {
        if (sections.putIfAbsent(name, new Section<>(type, defaults, expand, check)) != null) {
            throw new IllegalStateException("two settings sections named " + name);
        }
    }

    /** A workspace's value of one section, defaults filled in. */
    public <T> T get(Handle h, Workspace ws, String name, Class<T> type) {
        Section<?> section = sections.get(name);
        ObjectNode merged = merged(section, store.read(h, ws.id()).path(name));
        return Json.MAPPER.convertValue(merged, type);
    }

    public <T> T get(Workspace ws, String name, Class<T> type) {
        return db.read(h -> get(h, ws, name, type));
    }

    /** Every section, defaults filled in. */
    public ObjectNode all(Workspace ws) {
        return db.read(h -> all(store.read(h, ws.id())));
    }

    /** Applies a POST: each named section's fields replace the stored ones; unknown sections are refused. */
    public ObjectNode update(Workspace ws, ObjectNode body) {
        checkSections(body);
        return db.tx(h -> apply(h, ws, body));
    }

    private void checkSections(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!sections.containsKey(name)) {
                throw ApiError.badBody(name + " is not a settings section; sections: " + String.join(", ", sections.keySet()));
            }
            if (!body.get(name).isObject()) {
                throw ApiError.badBody(name + " must be an object");
            }
        }
    }

    private ObjectNode apply(Handle h, Workspace ws, ObjectNode body) {
        ObjectNode stored = store.read(h, ws.id());
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Section<?> section = sections.get(entry.getKey());
            ObjectNode current = stored.path(entry.getKey()).isObject() ? (ObjectNode) stored.get(entry.getKey())
                    : Json.MAPPER.createObjectNode();
            current.setAll(section.expand().apply(((ObjectNode) entry.getValue()).deepCopy()));
            stored.set(entry.getKey(), checked(section, entry.getKey(), current));
        }
        store.write(h, ws.id(), stored, clock.instant());
        return all(stored);
    }

    private ObjectNode all(JsonNode stored) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        sections.keySet().stream().sorted().forEach(name -> out.set(name, merged(sections.get(name), stored.path(name))));
        return out;
    }

    private static ObjectNode merged(Section<?> section, JsonNode stored) {
        ObjectNode merged = Json.MAPPER.valueToTree(section.defaults());
        if (stored.isObject()) {
            merged.setAll((ObjectNode) stored);
        }
        return merged;
    }

    /** Completes a section with its defaults, reads it as its record (a wrong type is a 400) and checks it. */
    private static <T> ObjectNode checked(Section<T> section, String name, ObjectNode value) {
        ObjectNode complete = merged(section, value);
        T typed;
        try {
            typed = Json.MAPPER.treeToValue(complete, section.type());
        } catch (JsonProcessingException e) {
            throw ApiError.badBody(name + "." + Json.describe(e));
        }
        return Json.MAPPER.valueToTree(section.check().apply(typed));
    }

    /** Every section, defaults filled in, in {@code h} (emulator export). */
    public ObjectNode all(Handle h, Workspace ws) {
        return all(store.read(h, ws.id()));
    }

    /** Back to every default (emulator reset). */
    public void reset(Handle h, Workspace ws) {
        store.deleteWorkspace(h, ws.id());
    }

    /** Sets the sections an export wrote, through the rules of a POST, in {@code h} (emulator import). */
    public void restore(Handle h, Workspace ws, ObjectNode body) {
        checkSections(body);
        apply(h, ws, body);
    }
}
