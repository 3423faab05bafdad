package dev.hundred.client.param;

/** An option, as {@code POST /polls/{id}/questions/{q}/options/{o}} rewrites it. */
public final class PollOptionParams extends Params {
    private PollOptionParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PollOptionParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code index}. */
        public Builder index(Integer index) {
            return put("index", index);
        }

        /** {@code text}. */
        public Builder text(String text) {
            return put("text", text);
        }

        /** {@code weight}. */
        public Builder weight(Integer weight) {
            return put("weight", weight);
        }

        public PollOptionParams build() {
            return new PollOptionParams(this);
        }
    }
}
