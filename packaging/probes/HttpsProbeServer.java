import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The smoke test's local TLS server, run by the build machine's JDK (not the packaged runtime, which is under test).
 * Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, answers every GET with BODY, and stops by itself
 * after LIFETIME_SECONDS so it can never outlive the test.
 * Usage: java HttpsProbeServer.java KEYSTORE.p12 STOREPASS PORT_FILE BODY LIFETIME_SECONDS
 */
public final class HttpsProbeServer {
    public static void main(String[] args) throws Exception {
        char[] password = args[1].toCharArray();
        var keyStore = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(args[0])) {
            keyStore.load(in, password);
        }
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        var tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        var server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] body = args[3].getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // Written aside and moved so that the waiting script never reads a half-written file.
        Path portFile = Path.of(args[2]);
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
        Files.writeString(partial, Integer.toString(server.getAddress().getPort()));
        Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(Long.parseLong(args[4]) * 1000);
        server.stop(0);
    }
}
