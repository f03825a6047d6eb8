package org.jianfu.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jianfu.unit.SchoolStage;

/**
 * The rules of the register, each explaining itself: which indicator names which "five onlys" phrase; whether a set has more
 * indicators than the limit; which indicators of a set nearly repeat one of another set of the same district and year (names
 * compared without spaces and punctuation: equal, or a Dice coefficient of their character bigrams at least the
 * similarity setting); whether the set applies one list to every stage and school type.
 */
public final class IndicatorFlags {

    /** A phrase of the "five onlys" list. */
    public record Phrase(long id, String phrase, OnlyKind kind) {
    }

    public record Settings(int maxIndicators, BigDecimal similarity, int version) {
    }

    public record FiveOnly(String indicator, String phrase, OnlyKind kind) {
    }

    public record Duplicate(String indicator, long otherSetId, String otherSet, String otherIndicator, int percent) {
    }

    /** A set's flags; {@link #flagged()} when any applies. */
    public record Flags(List<FiveOnly> fiveOnlys, boolean tooMany, int indicatorCount, int maxIndicators, List<Duplicate> duplicates,
            boolean undifferentiated) {

        public boolean flagged() {
            return !fiveOnlys.isEmpty() || tooMany || !duplicates.isEmpty() || undifferentiated;
        }
    }

    private IndicatorFlags() {
    }

    /** The flags of each set, compared with the other sets of its district and year among those given. */
    static Map<Long, Flags> of(List<EvaluationSet> sets, List<Phrase> phrases, Settings settings) {
        var flags = new HashMap<Long, Flags>();
        for (var set : sets) {
            var others = sets.stream().filter(o -> o.id() != set.id() && o.districtId() == set.districtId() && o.year() == set.year())
                    .toList();
            flags.put(set.id(), of(set, others, phrases, settings));
        }
        return flags;
    }

    static Flags of(EvaluationSet set, List<EvaluationSet> others, List<Phrase> phrases, Settings settings) {
        var fiveOnlys = new ArrayList<FiveOnly>();
        for (var indicator : set.indicators()) {
            for (var phrase : phrases) {
                if (normal(indicator.name()).contains(normal(phrase.phrase()))) {
                    fiveOnlys.add(new FiveOnly(indicator.name(), phrase.phrase(), phrase.kind()));
                    break;
                }
            }
        }
        var duplicates = new ArrayList<Duplicate>();
        for (var indicator : set.indicators()) {
            for (var other : others) {
                for (var o : other.indicators()) {
                    var similarity = similarity(indicator.name(), o.name());
                    if (similarity >= settings.similarity().doubleValue()) {
                        duplicates.add(new Duplicate(indicator.name(), other.id(), other.name(), o.name(), (int) Math.round(similarity * 100)));
                    }
                }
            }
        }
        int count = set.indicators().size();
        return new Flags(fiveOnlys, count > settings.maxIndicators(), count, settings.maxIndicators(), duplicates,
                undifferentiated(set.stages()));
    }

    /** One list for all: the set applies to every stage and school type there is. */
    static boolean undifferentiated(List<SchoolStage> stages) {
        return EnumSet.copyOf(stages).containsAll(EnumSet.allOf(SchoolStage.class));
    }

    /** 1 for names equal once spaces and punctuation are dropped; else the Dice coefficient of their character bigrams. */
    static double similarity(String a, String b) {
        var x = normal(a);
        var y = normal(b);
        if (x.equals(y)) {
            return 1;
        }
        var bx = bigrams(x);
        var by = bigrams(y);
        if (bx.isEmpty() || by.isEmpty()) {
            return 0;
        }
        var common = new HashSet<>(bx);
        common.retainAll(by);
        return 2.0 * common.size() / (bx.size() + by.size());
    }

    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}（）【】、，。；：“”‘’《》]", "");
    }

    private static Set<String> bigrams(String text) {
        var grams = new HashSet<String>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return grams;
    }
}
