package dev.hundred.server.snapshot;

import dev.hundred.server.http.ApiError;
import java.util.List;

/** Every message of reset, export and import (docs/emulator.md). */
final class SnapshotErrors {
    private SnapshotErrors() {}

    static ApiError bad(String detail) {
        return ApiError.badBody(detail);
    }

    static ApiError notEmpty(String what) {
        return new ApiError(409, "Workspace not empty",
                "the workspace has " + what + ": import loads into a new workspace (POST /emulator/v1/reset empties this one)");
    }

    static ApiError idTaken(String field, String value) {
        return new ApiError(409, "Id already used", field + ": " + value + " belongs to another workspace");
    }

    /**
     * A feature's refusal of one entry, with the entry named: every detail gets the entry's path in front,
     * and a refusal that is not a 400 (a 404 for a template the entry names) becomes one, as the document is
     * what is wrong. A 409 stays: it is a conflict with another workspace, not a bad document.
     */
    static ApiError at(String path, ApiError e) {
        if (e.status() == 409) {
            return new ApiError(409, e.getMessage(), e.details().stream().map(d -> path + ": " + d).toList());
        }
        boolean generic = e.getMessage().equals("Invalid body param");
        List<String> details = e.details().isEmpty() ? List.of(path + ": " + e.getMessage())
                : e.details().stream().map(d -> path + ": " + (generic ? d : e.getMessage() + ": " + d)).toList();
        return new ApiError(400, "Invalid body param", details);
    }
}
