package io.quipu.platform.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/** Extracts the PostgreSQL binaries shipped in zonky's Maven artifacts once per machine, shared by every process. */
final class PostgresBinaries {

    private static final String VERSION_MARKER = ".quipu-extracted";

    private PostgresBinaries() {
    }

    static synchronized Path extracted() {
        String system = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String hardware = System.getProperty("os.arch").contains("aarch64") || System.getProperty("os.arch").contains("arm64")
                ? "arm_64" : "x86_64";
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "quipu-postgres-" + binariesVersion(system, hardware));
        try {
            Files.createDirectories(target.getParent());
            Path lockFile = target.getParent().resolve(target.getFileName() + ".lock");
            // Several test JVMs may start at once: the file lock lets exactly one of them extract.
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(target.resolve(VERSION_MARKER))) {
                    extract(system, hardware, target);
                    Files.writeString(target.resolve(VERSION_MARKER), target.getFileName().toString());
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the PostgreSQL binaries to " + target, e);
        }
    }

    /** The archive's location names the binaries' version (it is inside a versioned jar), so it keys the cache. */
    private static String binariesVersion(String system, String hardware) {
        String archive = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
        var resource = PostgresBinaries.class.getClassLoader().getResource(archive);
        return Integer.toHexString((resource == null ? archive : resource.toString()).hashCode());
    }

    private static void extract(String system, String hardware, Path target) throws IOException {
        if (Files.exists(target)) {
            try (var walk = Files.walk(target)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(target);
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        // Directories must be readable by the unprivileged user PostgreSQL runs as when we are root.
        try (var walk = Files.walk(target)) {
            for (Path directory : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(directory, permissions(0755));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = new HashSet<>();
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        // Readable and, where the archive says so, executable for everyone: no secrets in binaries.
        permissions.add(PosixFilePermission.OTHERS_READ);
        permissions.add(PosixFilePermission.GROUP_READ);
        if (permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
        }
        return permissions;
    }
}
