package dev.hundred.client.param;

/** Paging of {@code GET /templates} (spec §5.3). */
public final class TemplateListParams extends Params {
    private TemplateListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TemplateListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        public TemplateListParams build() {
            return new TemplateListParams(this);
        }
    }
}
