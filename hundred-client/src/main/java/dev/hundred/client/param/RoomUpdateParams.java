package dev.hundred.client.param;

import java.util.List;

/** The body of {@code POST /rooms/{id}} (spec §3.5): any field of create, or {@code enabled} alone to enable or disable. */
public final class RoomUpdateParams extends Params {
    private RoomUpdateParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoomUpdateParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code description}. */
        public Builder description(String description) {
            return put("description", description);
        }

        /** {@code enabled}. */
        public Builder enabled(Boolean enabled) {
            return put("enabled", enabled);
        }

        /** {@code recording_info}. */
        public Builder recordingInfo(Object recordingInfo) {
            return put("recording_info", recordingInfo);
        }

        /** {@code region}. */
        public Builder region(String region) {
            return put("region", region);
        }

        /** {@code large_room}. */
        public Builder largeRoom(Boolean largeRoom) {
            return put("large_room", largeRoom);
        }

        /** {@code size}. */
        public Builder size(Integer size) {
            return put("size", size);
        }

        /** {@code max_duration_seconds}. */
        public Builder maxDurationSeconds(Integer maxDurationSeconds) {
            return put("max_duration_seconds", maxDurationSeconds);
        }

        /** {@code webhook}. */
        public Builder webhook(Object webhook) {
            return put("webhook", webhook);
        }

        /** {@code polls}. */
        public Builder polls(List<String> polls) {
            return put("polls", polls);
        }

        public RoomUpdateParams build() {
            return new RoomUpdateParams(this);
        }
    }
}
