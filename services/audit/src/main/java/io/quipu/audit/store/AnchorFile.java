package io.quipu.audit.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quipu.audit.domain.HashChain;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The anchors outside the database: one JSON line per anchor appended to {@value #FILE_NAME} in the anchor directory,
 * forced to disk before the anchor's transaction commits. Whoever rewrites the table cannot rewrite this file when
 * it is shipped elsewhere (a WORM bucket, another host, a signed e-mail): docs/audit.md.
 */
public class AnchorFile {

    public static final String FILE_NAME = "audit-anchors.jsonl";
    private static final Logger log = LoggerFactory.getLogger(AnchorFile.class);

    private final Path directory;
    private final JsonMapper jsonMapper;

    public AnchorFile(Path directory, JsonMapper jsonMapper) {
        if (directory == null) {
            throw new IllegalArgumentException("quipu.audit.anchor-directory must be set");
        }
        this.directory = directory;
        this.jsonMapper = jsonMapper;
    }

    public Path path() {
        return directory.resolve(FILE_NAME);
    }

    /** Appends the anchor as one line and forces it to disk; throws if it cannot (the anchor is then not recorded). */
    public synchronized void append(Anchor anchor) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", anchor.id().toString());
        line.put("anchoredOn", anchor.anchoredOn().toString());
        line.put("lastSequence", anchor.lastSequence());
        line.put("lastHash", anchor.lastHash());
        line.put("eventCount", anchor.eventCount());
        line.put("createdAt", anchor.createdAt().toString());
        byte[] bytes = (jsonMapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(directory);
            try (FileChannel file = FileChannel.open(path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                file.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the anchor to " + path(), e);
        }
    }

    /** A chain head as the file tells it. */
    public record ExportedHead(long lastSequence, String lastHash) {
    }

    /**
     * Reads the file from the start and hands its heads over in chunks of at most {@code chunkSize} (memory stays
     * bounded however long the file grows). No file yet: nothing. A line that is not an anchor is logged and skipped:
     * it proves nothing either way.
     */
    public void readHeads(int chunkSize, Consumer<List<ExportedHead>> chunks) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        if (!Files.exists(path())) {
            return;
        }
        List<ExportedHead> chunk = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(path(), StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ExportedHead head = parse(line);
                if (head == null) {
                    log.warn("line {} of {} is not an anchor; skipped", lineNumber, path());
                    continue;
                }
                chunk.add(head);
                if (chunk.size() == chunkSize) {
                    chunks.accept(List.copyOf(chunk));
                    chunk.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(), e);
        }
        if (!chunk.isEmpty()) {
            chunks.accept(List.copyOf(chunk));
        }
    }

    private ExportedHead parse(String line) {
        try {
            JsonNode anchor = jsonMapper.readTree(line);
            JsonNode sequence = anchor.get("lastSequence");
            JsonNode hash = anchor.get("lastHash");
            if (sequence == null || !sequence.canConvertToLong() || sequence.asLong() < 0 || hash == null
                    || !HashChain.isHexSha256(hash.asString())) {
                return null;
            }
            return new ExportedHead(sequence.asLong(), hash.asString());
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
