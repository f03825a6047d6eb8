package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answers' fingerprints (table {@code ledger_answer_token}, see migration V51): for each answer the pairs of its
 * {@link AnswerQuality#prefix}, by round and requirement. They let the quality page find the answers of other units
 * near-identical to a ledger's answers by index, reading only those that share a prefix pair, instead of every answer
 * of the round. Answers whose text or status changed without being fingerprinted again (a trigger marks them) are
 * compared in full, so the result is always the full comparison's.
 */
@Component
@Order(30)
class AnswerFingerprints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AnswerFingerprints.class);
    /** Answers fingerprinted per transaction by the backfill. */
    private static final int BATCH = 2_000;
    /** Candidates read per pair at first; doubled each time a pair's list must be read further. */
    private static final int FIRST_READ = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AnswerFingerprints(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** An answer as the comparison needs it. */
    record Answer(long entryId, long ledgerId, long unitId, long requirementId, String text) {
    }

    /** Whether an answer is compared with others at all: it has a text and applies. */
    static boolean compared(EntryStatus status, String text) {
        return !text.isEmpty() && status != EntryStatus.NOT_APPLICABLE;
    }

    // --- keeping them

    /** Fingerprints an entry just saved, unless it was changed again since (version). */
    void refresh(LedgerEntry entry) {
        if (!compared(entry.status(), entry.text())) {
            return; // the trigger marked it done: nothing to compare
        }
        var grams = AnswerQuality.bigrams(AnswerQuality.normalise(entry.text()));
        jdbc.sql("""
                with e as (select e.id, e.ledger_id, e.requirement_id, l.round_id from ledger_entry e join ledger l on l.id = e.ledger_id
                           where e.id = ? and e.version = ?),
                inserted as (insert into ledger_answer_token (round_id, requirement_id, token, entry_id, ledger_id, grams)
                             select e.round_id, e.requirement_id, t, e.id, e.ledger_id, ? from e, unnest(?::int[]) t
                             on conflict do nothing)
                update ledger_entry set fingerprinted = true where id in (select id from e)""")
                .params(entry.id(), entry.version(), grams.size(), AnswerQuality.prefix(grams)).update();
    }

    /**
     * At start-up, fingerprints every answer that is not (all of them after migration V51, and any written by SQL
     * since), a batch per transaction; rows another instance is fingerprinting are skipped.
     */
    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        int done = 0;
        int batch;
        do {
            batch = transactions.execute(status -> fingerprintBatch());
            done += batch;
        }
        while (batch == BATCH);
        if (done > 0) {
            log.info("Fingerprinted {} answers for the quality page in {} ms", done, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private int fingerprintBatch() {
        record Row(long id, long ledgerId, long requirementId, long roundId, String text) {
        }
        var rows = jdbc.sql("""
                select e.id, e.ledger_id, e.requirement_id, l.round_id, e.text from ledger_entry e join ledger l on l.id = e.ledger_id
                where not e.fingerprinted limit ? for update of e skip locked""")
                .param(BATCH).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
                .list();
        var rounds = new ArrayList<Long>();
        var requirements = new ArrayList<Long>();
        var tokens = new ArrayList<Integer>();
        var entries = new ArrayList<Long>();
        var ledgers = new ArrayList<Long>();
        var sizes = new ArrayList<Integer>();
        for (var row : rows) {
            var grams = AnswerQuality.bigrams(AnswerQuality.normalise(row.text()));
            for (int token : AnswerQuality.prefix(grams)) {
                rounds.add(row.roundId());
                requirements.add(row.requirementId());
                tokens.add(token);
                entries.add(row.id());
                ledgers.add(row.ledgerId());
                sizes.add(grams.size());
            }
        }
        jdbc.sql("""
                insert into ledger_answer_token (round_id, requirement_id, token, entry_id, ledger_id, grams)
                select * from unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::int[]) on conflict do nothing""")
                .params(rounds.toArray(Long[]::new), requirements.toArray(Long[]::new), tokens.toArray(Integer[]::new),
                        entries.toArray(Long[]::new), ledgers.toArray(Long[]::new), sizes.toArray(Integer[]::new))
                .update();
        jdbc.sql("update ledger_entry set fingerprinted = true where id = any(?)")
                .param(rows.stream().map(Row::id).toArray(Long[]::new)).update();
        return rows.size();
    }

    // --- using them

    /**
     * For each of the given answers of one ledger, the near-identical answer of another ledger of the round with the
     * lowest entry id, by the answer's entry id; answers with none are left out. Only answers sharing a prefix pair are
     * read (in entry id order, a few per pair, more only while none of those read so far is near-identical), and
     * those not fingerprinted.
     */
    Map<Long, Answer> nearIdenticalInOtherLedgers(long roundId, long ledgerId, Collection<Answer> answers) {
        var searches = new ArrayList<Search>();
        for (var answer : answers) {
            var grams = AnswerQuality.bigrams(AnswerQuality.normalise(answer.text()));
            searches.add(new Search(answer, grams, AnswerQuality.prefix(grams)));
        }
        var found = new HashMap<Long, Answer>();
        var texts = new HashMap<Long, Answer>();
        int limit = FIRST_READ;
        var open = searches;
        while (!open.isEmpty()) {
            readCandidates(roundId, ledgerId, open, limit);
            readTexts(texts, open.stream().flatMap(s -> s.toConfirm().stream()).toList());
            var still = new ArrayList<Search>();
            for (var search : open) {
                var match = search.confirm(texts);
                if (match != null) {
                    found.put(search.answer.entryId(), match);
                }
                else if (!search.exhausted()) {
                    still.add(search);
                }
            }
            open = still;
            limit *= 2;
        }
        compareUnfingerprinted(roundId, ledgerId, searches, found);
        return found;
    }

    /** The next candidates of each open search: for each prefix pair not read to its end, the next entries having it. */
    private void readCandidates(long roundId, long ledgerId, List<Search> open, int limit) {
        var keys = new ArrayList<Integer>();
        var requirements = new ArrayList<Long>();
        var tokens = new ArrayList<Integer>();
        var after = new ArrayList<Long>();
        for (int k = 0; k < open.size(); k++) {
            var search = open.get(k);
            for (var pair : search.pairs.entrySet()) {
                if (pair.getValue() != Search.DONE) {
                    keys.add(k);
                    requirements.add(search.answer.requirementId());
                    tokens.add(pair.getKey());
                    after.add(pair.getValue());
                }
            }
        }
        var read = new HashMap<Integer, Map<Integer, List<long[]>>>();
        jdbc.sql("""
                select q.k, q.token, c.entry_id, c.ledger_id, c.grams
                from unnest(?::int[], ?::bigint[], ?::int[], ?::bigint[]) as q(k, requirement_id, token, after)
                cross join lateral (select t.entry_id, t.ledger_id, t.grams from ledger_answer_token t
                                    where t.round_id = ? and t.requirement_id = q.requirement_id and t.token = q.token
                                      and t.entry_id > q.after
                                    order by t.entry_id limit ?) c""")
                .params(keys.toArray(Integer[]::new), requirements.toArray(Long[]::new), tokens.toArray(Integer[]::new),
                        after.toArray(Long[]::new), roundId, limit)
                .query(rs -> {
                    read.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).computeIfAbsent(rs.getInt(2), t -> new ArrayList<>())
                            .add(new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5) });
                });
        for (int k = 0; k < open.size(); k++) {
            open.get(k).take(read.getOrDefault(k, Map.of()), limit, ledgerId);
        }
    }

    private void readTexts(Map<Long, Answer> texts, List<Long> ids) {
        var missing = ids.stream().filter(id -> !texts.containsKey(id)).distinct().toArray(Long[]::new);
        if (missing.length == 0) {
            return;
        }
        jdbc.sql(ANSWERS + "where e.id = any(?)").param(missing).query(AnswerFingerprints::answer).list()
                .forEach(a -> texts.put(a.entryId(), a));
    }

    /** Answers not fingerprinted (changed by SQL since the start-up backfill) are compared in full. */
    private void compareUnfingerprinted(long roundId, long ledgerId, List<Search> searches, Map<Long, Answer> found) {
        var unfingerprinted = jdbc.sql(ANSWERS + """
                where l.round_id = ? and not e.fingerprinted and e.ledger_id <> ?
                   and e.text <> '' and (e.status is null or e.status <> 'NOT_APPLICABLE')""")
                .params(roundId, ledgerId).query(AnswerFingerprints::answer).list();
        for (var search : searches) {
            for (var other : unfingerprinted) {
                var current = found.get(search.answer.entryId());
                if (other.requirementId() == search.answer.requirementId()
                        && (current == null || other.entryId() < current.entryId())
                        && AnswerQuality.similarity(search.grams, AnswerQuality.bigrams(AnswerQuality.normalise(other.text())))
                                >= AnswerQuality.NEAR_IDENTICAL) {
                    found.put(search.answer.entryId(), other);
                }
            }
        }
    }

    private static final String ANSWERS =
            "select e.id, e.ledger_id, l.unit_id, e.requirement_id, e.text from ledger_entry e join ledger l on l.id = e.ledger_id ";

    private static Answer answer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Answer(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
    }

    /**
     * The search for one answer's near-identical answer with the lowest entry id. Each prefix pair's entries are read
     * in entry id order from where the last read stopped; every entry below the lowest point any pair's reading has
     * reached is then known, so the lowest near-identical one among them is the answer.
     */
    private static final class Search {

        static final long DONE = Long.MAX_VALUE;

        final Answer answer;
        final Set<String> grams;
        /** Where each prefix pair's reading stopped (the last entry id read), or {@link #DONE}. */
        final Map<Integer, Long> pairs = new HashMap<>();
        /** Candidates read but not yet compared, in entry id order. */
        final TreeMap<Long, Boolean> candidates = new TreeMap<>();

        Search(Answer answer, Set<String> grams, int[] prefix) {
            this.answer = answer;
            this.grams = grams;
            for (int token : prefix) {
                pairs.put(token, 0L);
            }
        }

        void take(Map<Integer, List<long[]>> read, int limit, long ledgerId) {
            for (var pair : pairs.entrySet()) {
                if (pair.getValue() == DONE) {
                    continue;
                }
                var rows = read.getOrDefault(pair.getKey(), List.of());
                for (var row : rows) {
                    if (row[1] != ledgerId && AnswerQuality.sizesAllow(grams.size(), (int) row[2])) {
                        candidates.put(row[0], true);
                    }
                }
                pair.setValue(rows.size() < limit ? DONE : rows.get(rows.size() - 1)[0]);
            }
        }

        /** Every entry up to here that shares a prefix pair has been read. */
        long known() {
            return pairs.values().stream().mapToLong(Long::longValue).min().orElse(DONE);
        }

        boolean exhausted() {
            return known() == DONE && candidates.isEmpty();
        }

        List<Long> toConfirm() {
            return List.copyOf(candidates.headMap(known(), true).keySet());
        }

        /** Compares the candidates known to be all up to {@link #known}, lowest first; the first near-identical, or null. */
        Answer confirm(Map<Long, Answer> texts) {
            for (var id : toConfirm()) {
                candidates.remove(id);
                var other = texts.get(id);
                if (other != null && AnswerQuality.similarity(grams, AnswerQuality.bigrams(AnswerQuality.normalise(other.text())))
                        >= AnswerQuality.NEAR_IDENTICAL) {
                    return other;
                }
            }
            return null;
        }
    }
}
