package dev.recruitdesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One RecruitDesk per data folder. The holder keeps an OS file lock on {@code <data>/.lock}; the OS drops it when the
 * process ends however it ends (kill -9 included), so a lock left behind by a crash never stops the next start.
 * <p>
 * The desktop app also listens on a loopback port, written with a random token to {@code <data>/.instance}, so a
 * second start can ask it to bring its window to the front ({@link #askToShow}). The token keeps other local
 * programs from poking it; the data folder is readable by its owner alone.
 */
public final class InstanceLock implements AutoCloseable {

    static final String LOCK_FILE = ".lock";
    static final String INSTANCE_FILE = ".instance";
    private static final String SHOW = "show";
    private static final int MAX_LINE = 200;
    private static final int TIMEOUT_MILLIS = 2_000;

    /*
     * The folders this JVM holds. A second FileChannel on the same file must not even be opened: on POSIX, closing
     * any descriptor of a file drops every lock the process holds on it, so a failed second try would free the first.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile ServerSocket listener;

    private InstanceLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code dataDir}, or empty when another RecruitDesk (this JVM or another) holds it. */
    public static Optional<InstanceLock> tryAcquire(Path dataDir) throws IOException {
        Path folder = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        Path key = folder.toRealPath();
        if (!HELD.add(key)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    ownerOnly());
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD.remove(key);
                return Optional.empty();
            }
            return Optional.of(new InstanceLock(key, channel, lock));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(key);
            if (e instanceof OverlappingFileLockException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /*
     * Made on first use, not when the class loads: the first logger starts logging, and the launcher decides where
     * the log goes only once this lock is taken or refused (a refused start writes no log file).
     */
    private static Logger log() {
        return LoggerFactory.getLogger(InstanceLock.class);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Listens on a loopback port for a second start's "show" and runs {@code onShow} (on the listener's thread; it
     * must hand the work to the FX thread). A failure to listen only costs the bring-to-front: it is logged, not
     * thrown, and the second start then ends with a message instead.
     */
    public void listenForShow(Runnable onShow) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            Path file = folder.resolve(INSTANCE_FILE);
            Path tmp = folder.resolve(INSTANCE_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, ownerOnly()); // the token is as good as a key to the window: owner only
            Files.writeString(tmp, server.getLocalPort() + " " + token + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            listener = server;
            Thread t = new Thread(() -> serve(server, token, onShow), "instance-listener");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            log().warn("Cannot listen for a second start; it will end with a message instead: {}", e.toString());
        }
    }

    private static void serve(ServerSocket server, String token, Runnable onShow) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                // a stuck or hostile client must not hold the listener: short timeout, bounded line
                s.setSoTimeout(TIMEOUT_MILLIS);
                String line = readLine(s);
                OutputStream out = s.getOutputStream();
                if (matches(line, token)) {
                    onShow.run();
                    out.write("ok\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write("no\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    log().debug("A second start's request failed: {}", e.toString());
                }
            }
        }
    }

    private static boolean matches(String line, String token) {
        if (line == null) {
            return false;
        }
        byte[] want = (token + " " + SHOW).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, line.getBytes(StandardCharsets.US_ASCII));
    }

    private static String readLine(Socket s) throws IOException {
        StringBuilder b = new StringBuilder();
        var in = s.getInputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.length() >= MAX_LINE) {
                return null;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /**
     * A second start: asks the RecruitDesk holding {@code dataDir} to show its window. True when it said it did;
     * false when it cannot be reached (a sync command holds the folder, or it is still starting up).
     */
    public static boolean askToShow(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(INSTANCE_FILE);
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ", 2);
            if (parts.length != 2) {
                return false;
            }
            int port = Integer.parseInt(parts[0]);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
                s.setSoTimeout(TIMEOUT_MILLIS);
                s.getOutputStream().write((parts[1] + " " + SHOW + "\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                return "ok".equals(r.readLine());
            }
        } catch (IOException | RuntimeException e) {
            log().debug("Could not ask the running RecruitDesk to show itself: {}", e.toString());
            return false;
        }
    }

    /** Releases the lock (also dropped by the OS when the process dies). Safe to call twice. */
    @Override
    public void close() {
        ServerSocket server = listener;
        if (server != null) {
            listener = null;
            try {
                server.close();
            } catch (IOException e) {
                log().debug("Closing the instance listener failed", e);
            }
            try {
                Files.deleteIfExists(folder.resolve(INSTANCE_FILE));
            } catch (IOException e) {
                log().debug("Cannot remove the instance file", e);
            }
        }
        if (channel.isOpen()) {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                log().debug("Releasing the instance lock failed", e);
            }
            HELD.remove(folder);
        }
    }
}
