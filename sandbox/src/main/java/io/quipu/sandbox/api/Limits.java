package io.quipu.sandbox.api;

import io.quipu.platform.web.ApiException;

/** The bounds of the inbox listings. */
final class Limits {

    static final int MAX_LIST_SIZE = 100;
    static final String DEFAULT_LIST_SIZE = "50";

    private Limits() {
    }

    static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST_SIZE) {
            throw ApiException.invalidField("limit", "out_of_range", "must be between 1 and " + MAX_LIST_SIZE);
        }
        return limit;
    }
}
