package dev.hundred.client.param;

/** The body of {@code POST /live-streams/{id}/timed-metadata}: {@code payload} (at most 100 characters) and {@code duration} in seconds. */
public final class TimedMetadataParams extends Params {
    private TimedMetadataParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TimedMetadataParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code payload}. */
        public Builder payload(String payload) {
            return put("payload", payload);
        }

        /** {@code duration}. */
        public Builder duration(Integer duration) {
            return put("duration", duration);
        }

        public TimedMetadataParams build() {
            return new TimedMetadataParams(this);
        }
    }
}
