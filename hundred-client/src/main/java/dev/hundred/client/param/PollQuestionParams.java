package dev.hundred.client.param;

import java.util.List;

/** A question, as {@code POST /polls/{id}/questions/{index}} rewrites it (spec §14.1). */
public final class PollQuestionParams extends Params {
    private PollQuestionParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PollQuestionParams}; unset fields are not sent. */
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

        /** {@code format}. */
        public Builder format(String format) {
            return put("format", format);
        }

        /** {@code attachment}. */
        public Builder attachment(Object attachment) {
            return put("attachment", attachment);
        }

        /** {@code skippable}. */
        public Builder skippable(Boolean skippable) {
            return put("skippable", skippable);
        }

        /** {@code duration}. */
        public Builder duration(Integer duration) {
            return put("duration", duration);
        }

        /** {@code once}. */
        public Builder once(Boolean once) {
            return put("once", once);
        }

        /** {@code weight}. */
        public Builder weight(Integer weight) {
            return put("weight", weight);
        }

        /** {@code answer_min_len}. */
        public Builder answerMinLen(Integer answerMinLen) {
            return put("answer_min_len", answerMinLen);
        }

        /** {@code answer_max_len}. */
        public Builder answerMaxLen(Integer answerMaxLen) {
            return put("answer_max_len", answerMaxLen);
        }

        /** {@code type}. */
        public Builder type(String type) {
            return put("type", type);
        }

        /** {@code answer}. */
        public Builder answer(Object answer) {
            return put("answer", answer);
        }

        /** {@code options}. */
        public Builder options(List<?> options) {
            return put("options", options);
        }

        public PollQuestionParams build() {
            return new PollQuestionParams(this);
        }
    }
}
