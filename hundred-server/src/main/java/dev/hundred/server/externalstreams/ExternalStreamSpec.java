package dev.hundred.server.externalstreams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import java.util.List;

/** An external stream's own parameters, settled at start and kept in the job's {@code spec}. */
record ExternalStreamSpec(String title, List<String> rtmpUrls, boolean recording, int width, int height) {

    ObjectNode toJson() {
        return Json.MAPPER.valueToTree(this);
    }

    static ExternalStreamSpec of(ObjectNode json) {
        return Json.MAPPER.convertValue(json, ExternalStreamSpec.class);
    }
}
