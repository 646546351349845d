package dev.recruitdesk.service.secret;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.recruitdesk.service.SecretStore;
import dev.recruitdesk.store.Json;
import dev.recruitdesk.store.StoreException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Secrets in {@code secrets.enc} (AES-256-GCM, a fresh 96-bit nonce per write) with the key in {@code secrets.key}
 * beside it; both owner-only (rw-------) where the file system has POSIX permissions.
 *
 * <p>What this protects against: accidental disclosure. A secret never sits in plain text in the data folder, so
 * it does not show up in a grep, a log bundle, a support zip of settings, or a backup of the encrypted file alone;
 * the tag also detects a damaged or tampered file. What it does not protect against: anything that runs as the same
 * user can read both files and decrypt, exactly as the app does. Only the OS keychain (preferred when present) does
 * better, and only while the keyring is locked.
 */
public final class EncryptedFileSecretStore implements SecretStore {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataFile;
    private final Path keyFile;

    public EncryptedFileSecretStore(Path dataDir) {
        this.dataFile = dataDir.resolve("secrets.enc");
        this.keyFile = dataDir.resolve("secrets.key");
    }

    @Override
    public synchronized void put(Key key, String value) {
        Map<String, String> all = readAll();
        all.put(key.name(), value);
        writeAll(all);
    }

    @Override
    public synchronized Optional<String> get(Key key) {
        return Optional.ofNullable(readAll().get(key.name()));
    }

    @Override
    public synchronized void remove(Key key) {
        Map<String, String> all = readAll();
        if (all.remove(key.name()) != null) {
            writeAll(all);
        }
    }

    @Override
    public String backendName() {
        return "Encrypted file";
    }

    private Map<String, String> readAll() {
        if (!Files.exists(dataFile)) {
            return new TreeMap<>();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(dataFile));
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            return Json.mapper().readValue(cipher.doFinal(sealed), MAP);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new StoreException("The secrets file cannot be read (damaged, or its key file is missing)", e);
        }
    }

    private void writeAll(Map<String, String> all) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(Json.mapper().writeValueAsBytes(all));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            Path tmp = dataFile.resolveSibling(dataFile.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp);
            Files.write(tmp, out);
            Files.move(tmp, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("The secrets file cannot be written", e);
        }
    }

    private SecretKeySpec key() throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] k = new byte[32];
            RANDOM.nextBytes(k);
            Files.createDirectories(keyFile.getParent());
            try {
                createOwnerOnly(keyFile);
                Files.write(keyFile, k);
            } catch (FileAlreadyExistsException raced) {
                // another writer made it first; use theirs
            }
        }
        byte[] k = Files.readAllBytes(keyFile);
        if (k.length != 32) {
            throw new IOException("The secrets key file has the wrong size");
        }
        return new SecretKeySpec(k, "AES");
    }

    /** Creates an empty file readable and writable by its owner only (where POSIX permissions exist). */
    private static void createOwnerOnly(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(rw);
            Files.createFile(file, attr);
            Files.setPosixFilePermissions(file, rw); // the umask may have narrowed or the attr been ignored
        } else {
            Files.createFile(file);
        }
    }
}
