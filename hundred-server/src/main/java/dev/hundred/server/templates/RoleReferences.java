package dev.hundred.server.templates;

import dev.hundred.server.templates.Plugins.AdminPermissions;
import dev.hundred.server.templates.Plugins.TranscriptionPlugin;
import dev.hundred.server.templates.Plugins.Whiteboard;
import dev.hundred.server.templates.Plugins.WhiteboardPermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a template names its own roles (subscriptions, plugin permissions, the recording configuration),
 * rewritten when a role is renamed ({@code to} = the new name) or deleted ({@code to} = null), so a
 * template never points at a role it no longer has. Destinations name roles too, but without a rule that
 * they exist, so they are left as the client wrote them.
 */
final class RoleReferences {
    private RoleReferences() {}

    static Role rename(Role role, String from, String to) {
        List<String> subscribed = role.subscribeParams().subscribeToRoles();
        return subscribed.contains(from) ? role.withSubscribeToRoles(rename(subscribed, from, to)) : role;
    }

    static Plugins rename(Plugins plugins, String from, String to) {
        Whiteboard whiteboard = plugins.whiteboard();
        if (whiteboard != null && whiteboard.permissions() != null) {
            WhiteboardPermissions w = whiteboard.permissions();
            whiteboard = new Whiteboard(new WhiteboardPermissions(rename(w.admin(), from, to), rename(w.writer(), from, to),
                    rename(w.reader(), from, to)));
        }
        TranscriptionPlugin transcriptions = plugins.transcriptions();
        if (transcriptions != null && transcriptions.permissions() != null) {
            transcriptions = new TranscriptionPlugin(
                    new AdminPermissions(rename(transcriptions.permissions().admin(), from, to)), transcriptions.mode());
        }
        return new Plugins(whiteboard, transcriptions);
    }

    static List<RecordingConfig> renameInRecordings(List<RecordingConfig> configs, String from, String to) {
        return configs.stream().map(c -> from.equals(c.role()) ? c.withRole(to) : c).toList();
    }

    private static List<String> rename(List<String> names, String from, String to) {
        if (names == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!from.equals(name)) {
                out.add(name);
            } else if (to != null && !out.contains(to)) {
                out.add(to);
            }
        }
        return out;
    }
}
