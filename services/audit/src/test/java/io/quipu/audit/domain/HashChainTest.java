package io.quipu.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class HashChainTest {

    static final byte[] CONTENT = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    // Computed independently (Python hashlib) from the formula in docs/audit.md.
    static final String CONTENT_SHA256 = "5811967f540d300d249ab30ae681359a7815fdb5d3dc71a94be1d491006a6b27";
    static final String FIRST_HASH = "ee2f7844e8f1a67032e0db1e4680c641ef9e5f382f5aed5d8479274a110cb53a";
    static final String SECOND_HASH = "1a25cd22d2e82ae0fe1c09f8017f7e6652a4d37802558c4179d4d9238a5b4983";

    @Test
    void theGenesisHashIsSixtyFourZeros() {
        assertThat(HashChain.GENESIS_HASH).hasSize(64).matches("0{64}");
        assertThat(HashChain.isHexSha256(HashChain.GENESIS_HASH)).isTrue();
    }

    @Test
    void contentHashIsTheLowercaseHexSha256OfTheBytes() {
        assertThat(HashChain.contentSha256(CONTENT)).isEqualTo(CONTENT_SHA256);
        assertThat(HashChain.contentSha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void linksFollowTheDocumentedFormula() {
        String first = HashChain.link(1, CONTENT_SHA256, HashChain.GENESIS_HASH);
        assertThat(first).isEqualTo(FIRST_HASH);
        assertThat(HashChain.link(2, CONTENT_SHA256, first)).isEqualTo(SECOND_HASH);
    }

    @Test
    void everyInputChangesTheLink() {
        String other = HashChain.contentSha256("{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(HashChain.link(1, other, HashChain.GENESIS_HASH)).isNotEqualTo(FIRST_HASH);
        assertThat(HashChain.link(2, CONTENT_SHA256, HashChain.GENESIS_HASH)).isNotEqualTo(FIRST_HASH);
        assertThat(HashChain.link(1, CONTENT_SHA256, SECOND_HASH)).isNotEqualTo(FIRST_HASH);
    }

    @Test
    void refusesWhatIsNotALink() {
        assertThatThrownBy(() -> HashChain.link(0, CONTENT_SHA256, HashChain.GENESIS_HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashChain.link(1, CONTENT_SHA256.toUpperCase(), HashChain.GENESIS_HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashChain.link(1, CONTENT_SHA256, "abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashChain.link(1, null, HashChain.GENESIS_HASH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashChain.contentSha256(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void aLinkIsAlwaysSixtyFourLowercaseHexDigits(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long sequence) {
        String hash = HashChain.link(sequence, CONTENT_SHA256, HashChain.GENESIS_HASH);
        assertThat(HashChain.isHexSha256(hash)).isTrue();
        assertThat(HashChain.link(sequence, CONTENT_SHA256, HashChain.GENESIS_HASH)).isEqualTo(hash);
    }
}
