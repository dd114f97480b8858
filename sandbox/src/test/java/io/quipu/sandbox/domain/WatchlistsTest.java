package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.screening.NameSimilarity;
import io.quipu.sandbox.domain.screening.ScreeningOutcome;
import io.quipu.sandbox.domain.screening.Watchlist;
import io.quipu.sandbox.domain.screening.WatchlistEntry;
import io.quipu.sandbox.domain.screening.Watchlists;

class WatchlistsTest {

    @Test
    void namesCompareWithoutAccentsCasePunctuationOrWordOrder() {
        assertThat(NameSimilarity.tokens("Pérez-Núñez, JOSÉ")).containsExactly("jose", "nunez", "perez");
        assertThat(NameSimilarity.tokenSetSimilarity("José Pérez Núñez", "NUNEZ perez, jose")).isEqualTo(1.0);
        assertThat(NameSimilarity.tokenSetSimilarity("Juan Pérez", "Pérez Gómez Juan Carlos")).as("all words in the other").isEqualTo(1.0);
        assertThat(NameSimilarity.tokenSetSimilarity("Zoltan Vexmoor", "Zoltan Vexmor")).isGreaterThanOrEqualTo(0.9);
        assertThat(NameSimilarity.tokenSetSimilarity("Juan", "Juan Pérez")).as("one common word is not enough").isLessThan(0.9);
        assertThat(NameSimilarity.tokenSetSimilarity("Juan Perez", "Juan Lopez")).isLessThan(0.9);
        assertThat(NameSimilarity.tokenSetSimilarity("Juan Carlos Pérez Gómez", "Juan Pérez López")).isLessThan(0.9);
        assertThat(NameSimilarity.tokenSetSimilarity("Ana", "!!")).isZero();
    }

    @Test
    void aSanctionsMatchIsAHitAndAPepMatchOnlyAFlag() {
        Watchlists watchlists = new Watchlists(List.of(new WatchlistEntry(Watchlist.UN_SANCTIONS, "Zoltan Vexmoor Drakul"),
                new WatchlistEntry(Watchlist.PEP_PE, "Hortensia Ficticia Paucarpata")), 1);
        ScreeningOutcome sanctioned = watchlists.screen("drakul zoltán vexmoor");
        assertThat(sanctioned.hit()).isTrue();
        assertThat(sanctioned.pep()).isFalse();
        assertThat(sanctioned.matches()).singleElement().satisfies(match -> {
            assertThat(match.list()).isEqualTo(Watchlist.UN_SANCTIONS);
            assertThat(match.score()).isEqualTo(1.0);
        });
        ScreeningOutcome pep = watchlists.screen("Hortensia Paucarpata Ficticia");
        assertThat(pep.hit()).isFalse();
        assertThat(pep.pep()).isTrue();
        assertThat(watchlists.screen("María Quispe Flores").matches()).isEmpty();
    }

    @Test
    void entriesAddedAtRuntimeAreBounded() {
        Watchlists watchlists = new Watchlists(List.of(), 2);
        watchlists.add(new WatchlistEntry(Watchlist.OFAC_SDN, "Primero Uno"));
        watchlists.add(new WatchlistEntry(Watchlist.OFAC_SDN, "Segundo Dos"));
        watchlists.add(new WatchlistEntry(Watchlist.OFAC_SDN, "Tercero Tres"));
        assertThat(watchlists.size()).isEqualTo(2);
        assertThat(watchlists.screen("Primero Uno").hit()).isFalse();
        assertThat(watchlists.screen("Tercero Tres").hit()).isTrue();
        watchlists.clearAdded();
        assertThat(watchlists.size()).isZero();
    }

    @Test
    void readsAListFileSkippingTheHeaderAndComments() throws Exception {
        String file = "# fictional\nname,nationality,note\nZoltan Vexmoor Drakul,XX,arms\n\nMorwenna Sablecrest,XX,finance\n";
        assertThat(Watchlists.read(Watchlist.UN_SANCTIONS, new BufferedReader(new StringReader(file))))
                .extracting(WatchlistEntry::name).containsExactly("Zoltan Vexmoor Drakul", "Morwenna Sablecrest");
    }
}
