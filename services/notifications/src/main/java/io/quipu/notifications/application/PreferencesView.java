package io.quipu.notifications.application;

import java.util.List;
import java.util.Map;

/**
 * The channels per kind, such as {@code {"events": {"money_received": ["email", "web"]}}}. In a PUT, the kinds given
 * are replaced and the others keep what they had; an empty list silences a kind (it still reaches the inbox).
 */
public record PreferencesView(Map<String, List<String>> events) {
}
