package dev.hundred.server.assets;

import dev.hundred.server.http.ApiError;

/** Every message the recording-assets API and its presigned downloads answer. */
final class AssetErrors {
    private AssetErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("Asset not found");
    }

    static ApiError urlExpired() {
        return ApiError.forbidden("Access denied", "the presigned URL has expired");
    }

    static ApiError signatureMismatch() {
        return ApiError.forbidden("Access denied", "the presigned URL's signature does not match");
    }

    static ApiError rangeNotSatisfiable(long size) {
        return new ApiError(416, "Range not satisfiable", "the asset has " + size + " bytes");
    }
}
