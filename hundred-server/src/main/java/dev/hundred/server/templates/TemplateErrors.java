package dev.hundred.server.templates;

import dev.hundred.server.http.ApiError;

/** Every message the templates API answers besides field rules (spec §5), as named factories. */
final class TemplateErrors {
    private TemplateErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("Template not found");
    }

    static ApiError roleNotFound() {
        return ApiError.notFound("Role not found");
    }

    /** Renaming onto another template's name is the docs' "overwrite error". */
    static ApiError nameTaken(String name) {
        return ApiError.badBody("name: a template named " + name + " already exists");
    }

    /** Renaming a role onto another of the template's roles (create-update-role.mdx). */
    static ApiError roleTaken(String name) {
        return ApiError.badBody("name: a role named " + name + " already exists in this template");
    }

    static ApiError notAnArray() {
        return ApiError.badBody("body must be a JSON array of recording configurations");
    }

    static ApiError roleInUse(String role, String recordingConfig) {
        return new ApiError(400, "Invalid request",
                "role " + role + " records recording configuration " + recordingConfig + "; change the recordings first");
    }
}
