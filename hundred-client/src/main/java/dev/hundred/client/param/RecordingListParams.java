package dev.hundred.client.param;

/** Filters of {@code GET /recordings} (spec §8.6). */
public final class RecordingListParams extends Params {
    private RecordingListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordingListParams}; unset fields are not sent. */
    public static final class Builder extends Params.JobListBuilder<Builder> {
        private Builder() {}

        public RecordingListParams build() {
            return new RecordingListParams(this);
        }
    }
}
