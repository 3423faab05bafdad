package dev.hundred.client.param;

/** Filters of a poll's responses and results (spec §14.2). */
public final class PollResponseListParams extends Params {
    private PollResponseListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PollResponseListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        /** {@code all}. */
        public Builder all(Boolean all) {
            return put("all", all);
        }

        /** {@code question}. */
        public Builder question(Integer question) {
            return put("question", question);
        }

        public PollResponseListParams build() {
            return new PollResponseListParams(this);
        }
    }
}
