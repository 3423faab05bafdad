package dev.hundred.server.rooms;

import dev.hundred.server.http.ApiError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules of create and update (spec §3.2, §3.6), in the order the cloud reports them. */
final class RoomRules {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9.\\-:_]+");
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_POLLS = 100;
    private static final Set<String> REGIONS = Set.of("in", "us", "eu", "auto");
    private static final Set<String> STORAGE_TYPES = Set.of("s3", "gs", "oss", "azure");

    private RoomRules() {}

    static void checkFields(RoomBody body) {
        if (body.template() != null) {
            throw RoomErrors.templateFieldUsed();
        }
        if (body.name() != null) {
            if (body.name().length() > MAX_NAME) {
                throw ApiError.badBody("name must be at most " + MAX_NAME + " characters");
            }
            if (!NAME.matcher(body.name()).matches()) {
                throw ApiError.badBody("name may contain only a-z, A-Z, 0-9 and . - : _");
            }
        }
        if (body.description() != null && body.description().length() > MAX_DESCRIPTION) {
            throw ApiError.badBody("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (body.region() != null && !REGIONS.contains(body.region())) {
            throw RoomErrors.regionNotSupported(body.region());
        }
        if (body.maxDurationSeconds() != null) {
            if (body.maxDurationSeconds() < RoomService.MIN_DURATION) {
                throw RoomErrors.durationTooShort();
            }
            if (body.maxDurationSeconds() > RoomService.MAX_DURATION) {
                throw RoomErrors.durationTooLong();
            }
        }
        if (body.recordingInfo() != null && body.recordingInfo().uploadInfo() != null) {
            checkUpload(body.recordingInfo().uploadInfo());
        }
        if (body.webhook() != null) {
            checkWebhook(body.webhook());
        }
        if (body.polls() != null) {
            if (body.polls().size() > MAX_POLLS) {
                throw ApiError.badBody("polls must have at most " + MAX_POLLS + " ids");
            }
            if (body.polls().stream().anyMatch(p -> p == null || p.isBlank() || p.length() > 64)) {
                throw ApiError.badBody("polls must be poll ids");
            }
        }
    }

    private static void checkUpload(RecordingInfo.UploadInfo upload) {
        if (upload.location() == null || upload.location().isBlank()) {
            throw RoomErrors.bucketLocationMissing();
        }
        if (upload.type() == null || !STORAGE_TYPES.contains(upload.type())) {
            throw RoomErrors.invalidUpload("upload_info.type must be one of s3, gs, oss, azure");
        }
        RecordingInfo.Credentials credentials = upload.credentials();
        if (credentials == null || isBlank(credentials.key()) || isBlank(credentials.secret())) {
            throw RoomErrors.invalidUpload("upload_info.credentials.key and upload_info.credentials.secret are required");
        }
    }

    private static void checkWebhook(RoomWebhook webhook) {
        if (isBlank(webhook.url())) {
            throw ApiError.badBody("webhook.url is required");
        }
        try {
            URI uri = new URI(webhook.url());
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw ApiError.badBody("webhook.url must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw ApiError.badBody("webhook.url must be an http or https URL");
        }
        if (webhook.headers() != null && webhook.headers().values().stream().anyMatch(v -> v == null)) {
            throw ApiError.badBody("webhook.headers values must be strings");
        }
    }

    /** Size depends on large_room, which may come from the stored room: checked on the merged result. */
    /** Whether {@link #checkSize} lets the room through. */
    static boolean fitsSize(Room room) {
        return room.size() >= 0 && room.size() <= (room.largeRoom() ? RoomService.MAX_LARGE_ROOM_SIZE : RoomService.MAX_ROOM_SIZE);
    }

    static void checkSize(Room room) {
        if (room.size() < 0) {
            throw ApiError.badBody("Invalid body param: size must not be negative");
        }
        if (room.largeRoom() && room.size() > RoomService.MAX_LARGE_ROOM_SIZE) {
            throw RoomErrors.largeRoomTooBig();
        }
        if (!room.largeRoom() && room.size() > RoomService.MAX_ROOM_SIZE) {
            throw RoomErrors.roomTooBig();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
