package dev.hundred.client.param;

import java.util.List;

/** A poll, as {@code POST /polls} creates it and {@code POST /polls/{id}} rewrites it (spec §14). */
public final class PollParams extends Params {
    private PollParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PollParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code title}. */
        public Builder title(String title) {
            return put("title", title);
        }

        /** {@code duration}. */
        public Builder duration(Integer duration) {
            return put("duration", duration);
        }

        /** {@code anonymous}. */
        public Builder anonymous(Boolean anonymous) {
            return put("anonymous", anonymous);
        }

        /** {@code mode}. */
        public Builder mode(String mode) {
            return put("mode", mode);
        }

        /** {@code type}. */
        public Builder type(String type) {
            return put("type", type);
        }

        /** {@code start}. */
        public Builder start(String start) {
            return put("start", start);
        }

        /** {@code questions}. */
        public Builder questions(List<?> questions) {
            return put("questions", questions);
        }

        public PollParams build() {
            return new PollParams(this);
        }
    }
}
