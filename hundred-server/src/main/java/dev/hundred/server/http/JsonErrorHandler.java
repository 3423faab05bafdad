package dev.hundred.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (bad escapes, oversized headers or URIs, framing errors, unsupported methods or
 * versions: what never reaches a route) in the 100ms error shape instead of Jetty's HTML page, so every
 * answer the server gives is {@code {"code","message","details"}} (decisions.md, Every answer in the
 * error shape). Jetty's reason, when it gives one, goes in {@code details}.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        String detail = message != null && !message.isBlank() && !message.equals(reason) ? message : null;
        if (code == 500 && cause != null) {
            detail = null; // never a stack trace or an exception's text
        }
        String id = RequestIds.fresh();
        ErrorBody error = new ErrorBody(code, reason == null ? "Error" : reason, detail == null ? List.of() : List.of(detail));
        String body = (code >= 500 ? error.withDetail("request_id: " + id) : error).toJson();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(RequestIds.HEADER, id);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every method gets the JSON body, HEAD excepted by Jetty itself
    }
}
