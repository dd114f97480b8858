package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedStoreTest {

    @Test
    void keepsTheNewestUpToItsCapacity() {
        BoundedStore<String, Integer> store = new BoundedStore<>(2);
        store.put("a", 1);
        store.put("b", 2);
        store.put("a", 3);
        store.put("c", 4);
        assertThat(store.find("b")).as("a was replaced, so b was the oldest").isEmpty();
        assertThat(store.values()).containsExactly(3, 4);
        assertThat(store.remove("a")).isTrue();
        assertThat(store.remove("a")).isFalse();
        store.clear();
        assertThat(store.size()).isZero();
    }
}
