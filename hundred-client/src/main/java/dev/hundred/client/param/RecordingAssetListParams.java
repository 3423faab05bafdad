package dev.hundred.client.param;

/** Filters of {@code GET /recording-assets} (spec §9.2). */
public final class RecordingAssetListParams extends Params {
    private RecordingAssetListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordingAssetListParams}; unset fields are not sent. */
    public static final class Builder extends Params.JobListBuilder<Builder> {
        private Builder() {}

        /** {@code type}. */
        public Builder type(String type) {
            return put("type", type);
        }

        public RecordingAssetListParams build() {
            return new RecordingAssetListParams(this);
        }
    }
}
