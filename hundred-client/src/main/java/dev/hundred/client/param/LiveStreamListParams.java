package dev.hundred.client.param;

/** Filters of {@code GET /live-streams} (spec §10.2). */
public final class LiveStreamListParams extends Params {
    private LiveStreamListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LiveStreamListParams}; unset fields are not sent. */
    public static final class Builder extends Params.JobListBuilder<Builder> {
        private Builder() {}

        public LiveStreamListParams build() {
            return new LiveStreamListParams(this);
        }
    }
}
