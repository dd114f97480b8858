package io.quipu.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ChainWalkTest {

    /** A correct chain of {@code size} rows. */
    static List<ChainLink> chain(int size) {
        List<ChainLink> links = new ArrayList<>();
        String previous = HashChain.GENESIS_HASH;
        for (long sequence = 1; sequence <= size; sequence++) {
            String content = HashChain.contentSha256(("event " + sequence).getBytes(StandardCharsets.UTF_8));
            String hash = HashChain.link(sequence, content, previous);
            links.add(new ChainLink(sequence, content, content, previous, hash));
            previous = hash;
        }
        return links;
    }

    static Optional<ChainBreak> walk(List<ChainLink> links, ChainWalk walk) {
        for (ChainLink link : links) {
            Optional<ChainBreak> broken = walk.next(link);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    @Test
    void aCorrectChainVerifiesToItsHead() {
        List<ChainLink> links = chain(5);
        ChainWalk walk = new ChainWalk();
        assertThat(walk(links, walk)).isEmpty();
        assertThat(walk.verifiedEvents()).isEqualTo(5);
        assertThat(walk.lastSequence()).isEqualTo(5);
        assertThat(walk.lastHash()).isEqualTo(links.get(4).hash());
    }

    @Test
    void anEmptyChainEndsAtTheGenesis() {
        ChainWalk walk = new ChainWalk();
        assertThat(walk.lastSequence()).isZero();
        assertThat(walk.lastHash()).isEqualTo(HashChain.GENESIS_HASH);
        assertThat(walk.firstBreak()).isEmpty();
    }

    @Test
    void changedContentIsAContentHashMismatchAtItsSequence() {
        List<ChainLink> links = chain(5);
        ChainLink third = links.get(2);
        links.set(2, new ChainLink(3, HashChain.contentSha256(new byte[] {1}), third.contentSha256(), third.previousHash(),
                third.hash()));
        ChainWalk walk = new ChainWalk();
        assertThat(walk(links, walk)).contains(new ChainBreak(3, ChainBreakReason.CONTENT_HASH_MISMATCH));
        assertThat(walk.verifiedEvents()).isEqualTo(2);
        assertThatThrownBy(() -> walk.next(links.get(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentRewrittenWithItsHashBreaksTheChain() {
        List<ChainLink> links = chain(5);
        ChainLink third = links.get(2);
        String forged = HashChain.contentSha256("forged".getBytes(StandardCharsets.UTF_8));
        links.set(2, new ChainLink(3, forged, forged, third.previousHash(), third.hash()));
        assertThat(walk(links, new ChainWalk())).contains(new ChainBreak(3, ChainBreakReason.CHAIN_BROKEN));
    }

    @Test
    void aRowRewrittenWithItsOwnHashBreaksTheNextLink() {
        List<ChainLink> links = chain(5);
        ChainLink third = links.get(2);
        String forged = HashChain.contentSha256("forged".getBytes(StandardCharsets.UTF_8));
        links.set(2, new ChainLink(3, forged, forged, third.previousHash(), HashChain.link(3, forged, third.previousHash())));
        assertThat(walk(links, new ChainWalk())).contains(new ChainBreak(4, ChainBreakReason.CHAIN_BROKEN));
    }

    @Test
    void aDeletedRowIsASequenceGapAtTheMissingNumber() {
        List<ChainLink> links = chain(5);
        links.remove(1);
        assertThat(walk(links, new ChainWalk())).contains(new ChainBreak(2, ChainBreakReason.SEQUENCE_GAP));
        List<ChainLink> withoutFirst = chain(3);
        withoutFirst.remove(0);
        assertThat(walk(withoutFirst, new ChainWalk())).contains(new ChainBreak(1, ChainBreakReason.SEQUENCE_GAP));
    }

    @Test
    void aMalformedStoredHashIsABreakNotACrash() {
        List<ChainLink> links = chain(2);
        ChainLink second = links.get(1);
        links.set(1, new ChainLink(2, second.recomputedContentSha256(), second.contentSha256(), second.previousHash(), "XYZ"));
        assertThat(walk(links, new ChainWalk())).contains(new ChainBreak(2, ChainBreakReason.CHAIN_BROKEN));
    }
}
