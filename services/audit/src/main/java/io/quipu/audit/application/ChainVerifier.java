package io.quipu.audit.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quipu.audit.domain.ChainBreak;
import io.quipu.audit.domain.ChainBreakReason;
import io.quipu.audit.domain.ChainLink;
import io.quipu.audit.domain.ChainWalk;
import io.quipu.audit.domain.HashChain;
import io.quipu.audit.store.AnchorFile;
import io.quipu.audit.store.AnchorStore;
import io.quipu.audit.store.AuditEventStore;
import io.quipu.audit.store.ChainHead;
import io.quipu.audit.store.WriterTransactions;

/**
 * Walks the whole chain from sequence 1 to the head seen when the walk starts, in batches of bounded size (one short
 * read-only transaction each, so the walk never holds a snapshot for long), then checks every anchor against it:
 * those of the table and those of the exported anchor file. Rows appended during the walk are left to the next one.
 */
public class ChainVerifier {

    /** Anchor file lines compared per query. */
    static final int ANCHOR_FILE_CHUNK_SIZE = 1_000;

    private final AuditEventStore events;
    private final AnchorStore anchors;
    private final AnchorFile anchorFile;
    private final WriterTransactions transactions;
    private final int batchSize;

    public ChainVerifier(AuditEventStore events, AnchorStore anchors, AnchorFile anchorFile, WriterTransactions transactions,
                         int batchSize) {
        if (batchSize < 1 || batchSize > AuditEventStore.MAX_CHAIN_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size must be 1 to " + AuditEventStore.MAX_CHAIN_BATCH_SIZE + ": " + batchSize);
        }
        this.events = events;
        this.anchors = anchors;
        this.anchorFile = anchorFile;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    public VerificationReport verify() {
        ChainHead head = transactions.read(events::head);
        ChainWalk walk = new ChainWalk();
        while (walk.lastSequence() < head.sequence()) {
            long after = walk.lastSequence();
            List<ChainLink> batch = transactions.read(() -> events.links(after, head.sequence(), batchSize));
            if (batch.isEmpty()) {
                // Rows up to the head were there when the walk started: the ones missing here were deleted.
                return VerificationReport.broken(walk.verifiedEvents(), after + 1, ChainBreakReason.SEQUENCE_GAP.code());
            }
            for (ChainLink link : batch) {
                Optional<ChainBreak> broken = walk.next(link);
                if (broken.isPresent()) {
                    return VerificationReport.broken(walk.verifiedEvents(), broken.get().sequence(), broken.get().reason().code());
                }
            }
        }
        if (walk.lastSequence() != head.sequence() || !walk.lastHash().equals(head.hash())) {
            throw new IllegalStateException("the walk ended at " + walk.lastSequence() + ", not at the head " + head.sequence());
        }
        Optional<Long> mismatchedAnchor = transactions.read(anchors::firstMismatchedSequence);
        Optional<Long> mismatchedExport = firstMismatchInAnchorFile();
        Optional<Long> firstMismatch = mismatchedAnchor.isEmpty() ? mismatchedExport
                : mismatchedExport.isEmpty() ? mismatchedAnchor
                : Optional.of(Math.min(mismatchedAnchor.get(), mismatchedExport.get()));
        if (firstMismatch.isPresent()) {
            return VerificationReport.broken(walk.verifiedEvents(), firstMismatch.get(), ChainBreakReason.ANCHOR_MISMATCH.code());
        }
        return VerificationReport.valid(walk.verifiedEvents(), walk.lastSequence(), walk.lastHash());
    }

    /** The lowest sequence of a head in the anchor file that the chain no longer has (another hash, or no such row). */
    private Optional<Long> firstMismatchInAnchorFile() {
        long[] lowest = {Long.MAX_VALUE};
        anchorFile.readHeads(ANCHOR_FILE_CHUNK_SIZE, heads -> {
            Set<Long> sequences = heads.stream().map(AnchorFile.ExportedHead::lastSequence).filter(sequence -> sequence > 0)
                    .collect(Collectors.toSet());
            Map<Long, String> hashes = transactions.read(() -> events.hashesAt(sequences));
            for (AnchorFile.ExportedHead head : heads) {
                String expected = head.lastSequence() == 0 ? HashChain.GENESIS_HASH : hashes.get(head.lastSequence());
                if (!head.lastHash().equals(expected)) {
                    lowest[0] = Math.min(lowest[0], head.lastSequence());
                }
            }
        });
        return lowest[0] == Long.MAX_VALUE ? Optional.empty() : Optional.of(lowest[0]);
    }
}
