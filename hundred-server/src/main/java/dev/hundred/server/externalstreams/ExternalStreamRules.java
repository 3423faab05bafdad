package dev.hundred.server.externalstreams;

import dev.hundred.server.http.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What a start body must hold (spec §11.2, start-external-stream-for-room.mdx), every broken rule in one 400.
 *
 * <p>{@code rtmp_urls}: 1 to 3 (decisions.md: the overview's and the template's 3, not the start page's 5),
 * each {@code rtmp://} or {@code rtmps://} with a host and a path ending in the stream key
 * ({@code rtmp://server.com/app/STREAM_KEY}; a single segment, {@code rtmp://host/KEY}, is a key too), at most
 * 2048 characters.
 *
 * <p>{@code resolution}: landscape when wider than tall, else portrait (a square is both and, either way,
 * fits from 500x500 to 1080x1080). Landscape from 500x480 to 1920x1080, portrait from 500x500 to 1080x1920.
 */
final class ExternalStreamRules {
    static final int MAX_URLS = 3;
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESTINATION = 255;
    static final int DEFAULT_WIDTH = 1280;
    static final int DEFAULT_HEIGHT = 720;

    private ExternalStreamRules() {}

    static void checkStart(ExternalStreamBody body) {
        Violations v = new Violations();
        rtmpUrls(v, body.rtmpUrls());
        if (body.resolution() != null) {
            int width = width(body.resolution(), DEFAULT_WIDTH);
            int height = height(body.resolution(), DEFAULT_HEIGHT);
            if (!fits(width, height)) {
                v.add("resolution", width + "x" + height + " is out of range: landscape from 500x480 to 1920x1080,"
                        + " portrait from 500x500 to 1080x1920");
            }
        }
        v.text("destination", body.destination(), MAX_DESTINATION);
        v.throwIfAny();
    }

    private static void rtmpUrls(Violations v, List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            v.add("rtmp_urls", "is required: 1 to " + MAX_URLS + " rtmp:// or rtmps:// URLs");
            return;
        }
        if (urls.size() > MAX_URLS) {
            v.add("rtmp_urls", "must have at most " + MAX_URLS + " URLs");
        }
        if (!v.noNulls("rtmp_urls", urls)) {
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            String problem = rtmpUrlProblem(urls.get(i));
            if (problem != null) {
                v.add("rtmp_urls[" + i + "]", problem);
            }
        }
    }

    /** Why this is not a URL to stream to, or null. */
    static String rtmpUrlProblem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtmp") && !scheme.equals("rtmps")) {
            return "must be an rtmp:// or rtmps:// URL";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must name a host";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("^/+|/+$", "");
        if (path.isEmpty()) {
            return "must end in a stream key (rtmp://server.com/app/STREAM_KEY)";
        }
        return null;
    }

    static boolean fits(int width, int height) {
        if (width > height) {
            return width >= 500 && width <= 1920 && height >= 480 && height <= 1080;
        }
        return width >= 500 && width <= 1080 && height >= 500 && height <= 1920;
    }

    static int width(ExternalStreamBody.Resolution r, int fallback) {
        return r == null || r.width() == null ? fallback : r.width();
    }

    static int height(ExternalStreamBody.Resolution r, int fallback) {
        return r == null || r.height() == null ? fallback : r.height();
    }
}
