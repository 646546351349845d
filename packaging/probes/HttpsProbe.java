import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Smoke-test probe run by the packaged runtime: one HTTPS GET with java.net.http, the client the app uses.
 * It fails if the runtime lacks a module TLS needs (jdk.crypto.ec above all), which jdeps cannot detect.
 * Usage: java -Djavax.net.ssl.trustStore=... -cp DIR HttpsProbe URL EXPECTED_BODY
 */
public final class HttpsProbe {
    public static void main(String[] args) throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var request = HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        var session = response.sslSession().orElseThrow(() -> new IllegalStateException("no TLS session"));
        System.out.println("status=" + response.statusCode() + " protocol=" + session.getProtocol()
                + " cipher=" + session.getCipherSuite());
        if (response.statusCode() != 200 || !response.body().strip().equals(args[1])) {
            System.out.println("unexpected response: " + response.statusCode() + " " + response.body().strip());
            System.exit(1);
        }
    }
}
