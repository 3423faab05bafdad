package dev.hundred.server.assets;

import dev.hundred.server.rooms.RecordingInfo;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.templates.Settings;
import dev.hundred.server.templates.Template;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where an asset "is" in the client's eyes: the storage destination of the room ({@code recording_info}),
 * else of its template ({@code settings.recording.upload}), else 100ms-style storage of Hundred's own; the
 * path a client parses is then {@code s3://bucket/prefix/<room_id>/<yyyyMMdd>/<job_id>/<file>} (gs://, oss://,
 * or the Azure blob URL for the other types). The bytes themselves are in Hundred's database.
 */
record StoragePath(String type, String location, String prefix, String account) {
    /** Hundred's stand-in for 100ms storage when no bucket is configured. */
    static final StoragePath HUNDRED = new StoragePath("s3", "hundred-recordings", "", null);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    static StoragePath of(Room room, Template template) {
        if (!room.recordingSourceTemplate() && room.recordingInfo() != null && room.recordingInfo().uploadInfo() != null) {
            RecordingInfo.UploadInfo up = room.recordingInfo().uploadInfo();
            return new StoragePath(up.type(), up.location(), up.prefix(), up.credentials() == null ? null : up.credentials().key());
        }
        Settings.Recording recording = template == null || template.settings() == null ? null : template.settings().recording();
        if (recording != null && recording.upload() != null && recording.upload().location() != null) {
            Settings.Upload up = recording.upload();
            return new StoragePath(up.type(), up.location(), up.prefix(), up.credentials() == null ? null : up.credentials().key());
        }
        return HUNDRED;
    }

    /** The full path of one file of a job. */
    String of(String customerId, String roomId, String jobId, Instant at, String fileName) {
        String folder = join(prefix == null || prefix.isEmpty() ? (this == HUNDRED ? customerId : "") : prefix,
                roomId, DAY.format(at), jobId, fileName);
        String kind = type == null ? "s3" : type;
        return switch (kind) {
            case "gs" -> "gs://" + location + "/" + folder;
            case "oss" -> "oss://" + location + "/" + folder;
            case "azure" -> "https://" + (account == null ? "account" : account) + ".blob.core.windows.net/" + location
                    + "/" + folder;
            default -> "s3://" + location + "/" + folder;
        };
    }

    /** How long a presigned URL is valid by default (spec §9.2): 9 hours on Alibaba OSS, 3 days elsewhere. */
    long defaultValiditySeconds() {
        return "oss".equals(type) ? 9 * 3600 : 3 * 24 * 3600;
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                out.append(out.length() == 0 ? "" : "/").append(trimmed);
            }
        }
        return out.toString();
    }
}
