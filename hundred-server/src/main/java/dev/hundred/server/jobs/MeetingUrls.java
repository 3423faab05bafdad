package dev.hundred.server.jobs;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The {@code meeting_url} a recorder opens (spec §8.2, §10.2, §11.2). The cloud makes it optional only when
 * the room's template has a subdomain, which templates made through the REST API never have. In Hundred the
 * one template with a subdomain is the workspace's built-in one (made with the workspace: its oldest
 * template); for its rooms an absent URL becomes the documented room link
 * {@code https://<subdomain>.app.100ms.live/preview/<room_id>/<role>?skip_preview=true}, the subdomain being
 * the workspace's name as a DNS label. Every other room needs one.
 */
public final class MeetingUrls {
    public static final int MAX_LENGTH = 2048;
    static final String PREVIEW_HOST = ".app.100ms.live";

    private MeetingUrls() {}

    /**
     * The URL the job records: {@code given} when sent (an absolute http or https URL), else the generated
     * room link on the built-in template's rooms, else 400 Invalid body param.
     */
    public static String resolve(Handle h, Workspace ws, Room room, String given, String role) {
        if (given != null && !given.isEmpty()) {
            return check(given);
        }
        if (!isBuiltInTemplate(h, ws, room.templateId())) {
            throw ApiError.badBody("meeting_url is required: the room's template has no subdomain"
                    + " (templates created through the REST API have none)");
        }
        return "https://" + subdomain(ws) + PREVIEW_HOST + "/preview/" + room.id() + "/" + role + "?skip_preview=true";
    }

    static String check(String url) {
        if (url.length() > MAX_LENGTH) {
            throw ApiError.badBody("meeting_url must be at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ApiError.badBody("meeting_url must be an absolute http or https URL");
    }

    /** The template made with the workspace is its oldest (ids are time-ordered; templates are never deleted). */
    static boolean isBuiltInTemplate(Handle h, Workspace ws, String templateId) {
        return h.createQuery("SELECT id FROM templates WHERE workspace_id = :ws ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .bind("ws", ws.id()).mapTo(String.class).findOne().map(templateId::equals).orElse(false);
    }

    /**
     * The workspace's stand-in for a dashboard subdomain: its name as a DNS label ({@code My App} ->
     * {@code my-app}; {@code hundred} if nothing is left), the same rule recordings use.
     */
    static String subdomain(Workspace ws) {
        String label = ws.name() == null ? "" : ws.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (label.length() > 63) {
            label = label.substring(0, 63).replaceAll("-+$", "");
        }
        return label.isEmpty() ? "hundred" : label;
    }
}
