package dev.hundred.server.assets;

import java.util.List;
import java.util.Map;

/**
 * An asset a job is about to store: its type ({@code room-composite}, {@code chat}, ...), the file
 * (name as it appears at the end of {@code path}, content type, bytes), the media duration in seconds,
 * the type's {@code metadata}, thumbnails (null for none) and status ({@link Asset#COMPLETED} normally).
 */
public record AssetDraft(String type, String fileName, String contentType, byte[] bytes, int durationSeconds,
                         Map<String, Object> metadata, List<String> thumbnails, String status) {

    public static AssetDraft completed(String type, String fileName, String contentType, byte[] bytes,
                                       int durationSeconds, Map<String, Object> metadata) {
        return new AssetDraft(type, fileName, contentType, bytes, durationSeconds, metadata, null, Asset.COMPLETED);
    }
}
