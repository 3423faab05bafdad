package dev.hundred.client.param;

/** Filters of {@code GET /external-streams} (spec §11.2). */
public final class ExternalStreamListParams extends Params {
    private ExternalStreamListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ExternalStreamListParams}; unset fields are not sent. */
    public static final class Builder extends Params.JobListBuilder<Builder> {
        private Builder() {}

        public ExternalStreamListParams build() {
            return new ExternalStreamListParams(this);
        }
    }
}
