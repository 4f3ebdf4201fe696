package lab.yujian.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON client for the app's REST API, with a bearer token or a cookie. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;
    private final String cookie;
    private final String apiKey;
    private final String forwardedFor;

    private Http(String base, String authorization, String cookie, String apiKey, String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.cookie = cookie;
        this.apiKey = apiKey;
        this.forwardedFor = forwardedFor;
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null, null, null, null);
    }

    public Http bearer(String token) {
        return new Http(base, "Bearer " + token, cookie, apiKey, forwardedFor);
    }

    public Http cookie(String value) {
        return new Http(base, authorization, value, apiKey, forwardedFor);
    }

    public Http apiKey(String key) {
        return new Http(base, authorization, cookie, key, forwardedFor);
    }

    /**
     * Sends {@code X-Forwarded-For}, as nginx does: the app, trusting its loopback proxy, then sees the
     * request as coming from {@code address}. Lets one test play clients at different addresses.
     */
    public Http from(String address) {
        return new Http(base, authorization, cookie, apiKey, address);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().allValues("Set-Cookie"),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HTTP answer.
     *
     * @param status     status code
     * @param body       body text
     * @param setCookies Set-Cookie headers
     * @param headers    every header, by name (case-insensitive)
     */
    public record Response(int status, String body, List<String> setCookies, Map<String, List<String>> headers) {

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** The error code of a refusal. */
        public String code() {
            return json().path("code").asString("");
        }
    }
}
