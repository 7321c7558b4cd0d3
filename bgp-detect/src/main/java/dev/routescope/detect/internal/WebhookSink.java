package dev.routescope.detect.internal;

import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs a Slack-compatible JSON body ({@code text} + {@code incident}); non-2xx answers are failures. */
public final class WebhookSink implements IncidentSink {
    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * A webhook sink.
     *
     * @param uri the endpoint
     * @param timeout connect and request timeout
     */
    public WebhookSink(URI uri, Duration timeout) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("webhook URI " + uri + " (expected: http or https)");
        }
        this.uri = uri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook:" + uri.getHost();
    }

    @Override
    public void publish(Incident incident) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(IncidentJson.webhookBody(incident)))
                .build();
        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            String body = resp.body();
            throw new IOException("webhook " + uri + " answered HTTP " + resp.statusCode() + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
    }
}
