package dev.hundred.client.param;

/** The body of {@code POST /live-streams/room/{id}/start} (spec §10.2). */
public final class LiveStreamStartParams extends Params {
    private LiveStreamStartParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LiveStreamStartParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code meeting_url}. */
        public Builder meetingUrl(String meetingUrl) {
            return put("meeting_url", meetingUrl);
        }

        /** {@code recording}. */
        public Builder recording(Object recording) {
            return put("recording", recording);
        }

        /** {@code destination}. */
        public Builder destination(String destination) {
            return put("destination", destination);
        }

        /** {@code transcription}. */
        public Builder transcription(Object transcription) {
            return put("transcription", transcription);
        }

        public LiveStreamStartParams build() {
            return new LiveStreamStartParams(this);
        }
    }
}
