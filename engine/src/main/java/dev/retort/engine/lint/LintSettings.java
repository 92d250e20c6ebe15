package dev.retort.engine.lint;

import dev.retort.engine.RetortException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Levels from the {@code [lint]} section: {@code rule-id = off|info|warning|error}. A rule not
 * named keeps its default. Immutable.
 */
public final class LintSettings {

    public static final LintSettings DEFAULTS = new LintSettings(Map.of());

    private final Map<Rule, Optional<Level>> levels;

    private LintSettings(Map<Rule, Optional<Level>> levels) {
        this.levels = levels.isEmpty() ? Map.of() : new EnumMap<>(levels);
    }

    /**
     * @param section the {@code [lint]} section's keys and values (empty when there is none)
     * @throws RetortException naming the unknown rule or the bad level
     */
    public static LintSettings of(Map<String, String> section) {
        Map<Rule, Optional<Level>> levels = new EnumMap<>(Rule.class);
        for (Map.Entry<String, String> e : section.entrySet()) {
            Rule rule = Rule.byId(e.getKey().strip()).orElseThrow(() -> new RetortException(
                    "Unknown lint rule '" + e.getKey() + "' in [lint]; known rules: " + String.join(", ", Rule.ids())));
            String v = e.getValue().strip().toLowerCase(Locale.ROOT);
            switch (v) {
                case "off" -> levels.put(rule, Optional.empty());
                case "info", "warning", "error" -> levels.put(rule, Optional.of(Level.valueOf(v.toUpperCase(Locale.ROOT))));
                default -> throw new RetortException("Bad level '" + e.getValue() + "' for lint rule '" + rule.id()
                        + "' in [lint]; use off, info, warning or error");
            }
        }
        return new LintSettings(levels);
    }

    /** The rule's level, or empty when it is off. */
    public Optional<Level> level(Rule rule) {
        return levels.getOrDefault(rule, Optional.of(rule.defaultLevel()));
    }
}
