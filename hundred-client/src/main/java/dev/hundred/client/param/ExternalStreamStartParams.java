package dev.hundred.client.param;

import java.util.List;

/** The body of {@code POST /external-streams/room/{id}/start} (spec §11.2); {@code rtmp_urls} required. */
public final class ExternalStreamStartParams extends Params {
    private ExternalStreamStartParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ExternalStreamStartParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code meeting_url}. */
        public Builder meetingUrl(String meetingUrl) {
            return put("meeting_url", meetingUrl);
        }

        /** {@code rtmp_urls}. */
        public Builder rtmpUrls(List<String> rtmpUrls) {
            return put("rtmp_urls", rtmpUrls);
        }

        /** {@code recording}. */
        public Builder recording(Boolean recording) {
            return put("recording", recording);
        }

        /** {@code resolution}. */
        public Builder resolution(Object resolution) {
            return put("resolution", resolution);
        }

        /** {@code destination}. */
        public Builder destination(String destination) {
            return put("destination", destination);
        }

        public ExternalStreamStartParams build() {
            return new ExternalStreamStartParams(this);
        }
    }
}
