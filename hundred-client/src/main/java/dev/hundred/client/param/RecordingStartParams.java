package dev.hundred.client.param;

/** The body of {@code POST /recordings/room/{id}/start} (spec §8.2). */
public final class RecordingStartParams extends Params {
    private RecordingStartParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordingStartParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code meeting_url}. */
        public Builder meetingUrl(String meetingUrl) {
            return put("meeting_url", meetingUrl);
        }

        /** {@code resolution}. */
        public Builder resolution(Object resolution) {
            return put("resolution", resolution);
        }

        /** {@code destination}. */
        public Builder destination(String destination) {
            return put("destination", destination);
        }

        /** {@code audio_only}. */
        public Builder audioOnly(Boolean audioOnly) {
            return put("audio_only", audioOnly);
        }

        /** {@code transcription}. */
        public Builder transcription(Object transcription) {
            return put("transcription", transcription);
        }

        public RecordingStartParams build() {
            return new RecordingStartParams(this);
        }
    }
}
