package io.sheetingest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/**
 * The folder that holds every file a job will read, named by content hash so that the same bytes are kept once.
 * All methods block: call them on the I/O executor.
 */
@ApplicationScoped
public class FileStore {

    private final Path root;
    private final long reserveBytes;

    public FileStore(StoreConfig config) {
        this.root = config.dir().toAbsolutePath();
        this.reserveBytes = config.minFree().asLongValue();
        try {
            Files.createDirectories(root.resolve("incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create file store " + root, e);
        }
    }

    /**
     * Hashes a file and takes it into the store.
     *
     * @param source a file on disk (an upload, an inbox or sample file)
     * @param move   move the file (uploads) rather than copy it (files that must stay where they are)
     */
    public StoredFile store(Path source, boolean move) {
        try {
            String sha256 = sha256(source);
            long size = Files.size(source);
            Path target = root.resolve(sha256);
            if (move) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(target)) {
                Path partial = Files.createTempFile(root.resolve("incoming"), sha256, ".part");
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new StoredFile(target, sha256, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + source.getFileName(), e);
        }
    }

    /**
     * Refuses a file that would leave the store's volume with less than the configured reserve.
     *
     * @throws ProblemException 507 when there is not enough room
     */
    public void ensureRoomFor(Path source) {
        try {
            long needed = Files.size(source) + reserveBytes;
            long usable = Files.getFileStore(root).getUsableSpace();
            if (usable < needed) {
                throw new ProblemException(ProblemType.INSUFFICIENT_STORAGE, "The file store has "
                        + usable / (1024 * 1024) + " MiB free and keeps " + reserveBytes / (1024 * 1024)
                        + " MiB in reserve; this file needs " + Files.size(source) / (1024 * 1024) + " MiB");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check free space of " + root, e);
        }
    }

    /** Bytes free on the store's volume. */
    public long usableBytes() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check free space of " + root, e);
        }
    }

    /** Where the bytes with this hash live. */
    public Path path(String sha256) {
        return root.resolve(sha256);
    }

    public Path root() {
        return root;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A stored file.
     *
     * @param path   where it is
     * @param sha256 hex SHA-256 of its bytes
     * @param size   bytes
     */
    public record StoredFile(Path path, String sha256, long size) {
    }
}
