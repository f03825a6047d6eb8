package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quality page finds the answers of other districts near-identical to a ledger's through the answers'
 * fingerprints: exactly the ones the full comparison of every answer of the round finds, and without reading the
 * round's answers. Each test runs in one rolled-back transaction with districts of its own.
 */
@JianfuIntegrationTest
@Transactional
class AnswerFingerprintTests {

    /** Views enough for the driver to prepare a statement (5) and PostgreSQL to try a generic plan (5 more). */
    private static final int VIEWS_TO_CACHE_PLANS = 12;
    private static final String CJK = "区教委统筹安排督查检查事项按照年度计划和审批报备制度执行对现有进行集中清理保留实行清单管理合并内容相近的联合开展涉及多部门"
            + "不得层层加码严格控制总量频次减轻教师非教育教学负担建立动态监测机制定期通报落实情况学校校长会议材料填报表格";

    @Autowired Ledgers ledgers;
    @Autowired AnswerQualityWarnings warnings;
    @Autowired AnswerFingerprints fingerprints;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;

    @Test
    void theFingerprintsFindTheSameNearIdenticalAnswersAsComparingEveryAnswerOfTheRound() {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var round = openRound(city, 14);
        var entries = jdbc.sql("""
                select e.id, e.requirement_id from ledger_entry e join ledger l on l.id = e.ledger_id where l.round_id = ? order by e.id""")
                .param(round.id()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
        // A few originals per requirement; each answer copies one exactly, with other punctuation, or with 1 to 14
        // characters changed (around the threshold: near-identical but not equal, or just not), or is new, short or empty.
        var random = new Random(15);
        var originals = new java.util.HashMap<Long, List<String>>();
        for (var entry : entries) {
            var copies = originals.computeIfAbsent(entry[1], r -> List.of(prose(random, 90), prose(random, 60), prose(random, 140)));
            var original = copies.get(random.nextInt(copies.size()));
            int kind = random.nextInt(10);
            var text = switch (kind) {
                case 0 -> original;
                case 1 -> original.substring(0, 30) + "，" + original.substring(30) + "。";
                case 2, 3, 4, 5, 6 -> changed(random, original, 1 + random.nextInt(14));
                case 7 -> prose(random, 80);
                case 8 -> prose(random, 12);
                default -> "";
            };
            jdbc.sql("update ledger_entry set text = ?, status = ? where id = ?")
                    .params(text, random.nextInt(12) == 0 ? "NOT_APPLICABLE" : "IMPLEMENTED", entry[0]).update();
        }
        fingerprints.run(null);
        // Answers changed by SQL after the backfill are not fingerprinted: they are compared in full.
        for (var entry : entries.subList(0, entries.size() / 10)) {
            jdbc.sql("update ledger_entry set text = text || '另' where id = ? and text <> ''").param(entry[0]).update();
        }

        var template = templates.get(round.templateId());
        var found = new HashSet<List<Long>>();
        var expected = new HashSet<List<Long>>();
        for (var ledger : ledgers.ledgersOfRound(city, round.id())) {
            warnings.of(ledger, template).stream().filter(w -> w.flag() == AnswerQuality.Flag.SAME_AS_OTHER_UNIT)
                    .forEach(w -> found.add(List.of(w.entryId(), w.otherEntryId())));
            expected.addAll(fullComparison(round.id(), ledger.id()));
        }
        assertThat(found).isEqualTo(expected);
        var texts = jdbc.sql("select id, text from ledger_entry e where id in (select e.id from ledger_entry e join ledger l on "
                + "l.id = e.ledger_id where l.round_id = ?)").param(round.id())
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
        assertThat(found).as("pairs of equal and of near-identical but unequal answers")
                .anyMatch(pair -> texts.get(pair.get(0)).equals(texts.get(pair.get(1))))
                .anyMatch(pair -> !AnswerQuality.normalise(texts.get(pair.get(0))).equals(AnswerQuality.normalise(texts.get(pair.get(1)))));
    }

    @Test
    void theQualityPageReadsNoMoreAnswersWithTenTimesTheDistrictsAnswering() throws Exception {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var round = openRound(city, 30);
        var ledgerIds = jdbc.sql("select id from ledger where round_id = ? order by id").param(round.id()).query(Long.class).list();
        fill(round.id());
        // The ledger viewed copies another district's answers: its page has warnings to find.
        var viewed = ledgerIds.get(0);
        jdbc.sql("""
                update ledger_entry e set text = o.text from ledger_entry o
                where e.ledger_id = ? and o.ledger_id = ? and o.requirement_id = e.requirement_id""")
                .params(viewed, ledgerIds.get(ledgerIds.size() - 1)).update();
        fingerprints.run(null);
        var page = "/ledgers/" + viewed + "/quality";
        for (int i = 0; i < VIEWS_TO_CACHE_PLANS; i++) {
            mvc.perform(get(page).with(user(city))).andExpect(status().isOk());
        }
        jdbc.sql("set local enable_seqscan = off").update();
        var before = read(page, city);

        // Ten times the districts, every one having answered.
        var parent = units.get(units.findByCode("110117").orElseThrow().parentId());
        jdbc.sql("""
                insert into unit (parent_id, type, name, path, depth, created_at)
                select ?, 'DISTRICT', '指纹测试区县' || g || '-' || ?, '', ?, now() from generate_series(1, 300) g""")
                .params(parent.id(), System.nanoTime(), parent.depth() + 1).update();
        jdbc.sql("update unit set path = ? || id || '/' where path = '' and parent_id = ?").params(parent.path(), parent.id()).update();
        jdbc.sql("insert into ledger (round_id, unit_id, state) select ?, id, 'DRAFT' from unit where name like '指纹测试区县%'")
                .param(round.id()).update();
        jdbc.sql("""
                insert into ledger_entry (ledger_id, requirement_id)
                select l.id, r.id from ledger l join template_requirement r on r.template_id = ? where l.round_id = ?
                and not exists (select 1 from ledger_entry e where e.ledger_id = l.id)""").params(round.templateId(), round.id()).update();
        fill(round.id());
        fingerprints.run(null);
        var after = read(page, city);

        assertThat(jdbc.sql("select count(*) from ledger where round_id = ?").param(round.id()).query(Long.class).single())
                .isGreaterThanOrEqualTo(330);
        assertThat(before.answers()).isPositive();
        // Not growing with the districts; a tenth of slack for rows versions an index scan happens to visit (the full
        // comparison read ten times as many: 816, then 8,016).
        assertThat(after.answers()).as("answers read, before: " + before).isLessThanOrEqualTo(before.answers() * 11 / 10);
        assertThat(after.fingerprints()).as("fingerprint rows read, before: " + before)
                .isLessThanOrEqualTo(before.fingerprints() * 11 / 10);
        assertThat(mvc.perform(get(page).with(user(city))).andReturn().getResponse().getContentAsString())
                .contains(units.get(ledgers.readable(city, ledgerIds.get(ledgerIds.size() - 1)).unitId()).name());
    }

    /** A round of the shipped template for new districts. */
    private LedgerRound openRound(AccountPrincipal city, int districts) {
        var parent = units.findByCode("110117").orElseThrow().parentId();
        var ids = new ArrayList<Long>();
        for (int i = 0; i < districts; i++) {
            ids.add(units.create(new Units.NewUnit(parent, UnitType.DISTRICT, "指纹区" + i + "-" + System.nanoTime(), null, null)).id());
        }
        return ledgers.openRound(city, templates.shipped2021(), LocalDate.now(clock).getYear(), "指纹测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), ids);
    }

    /** Gives every empty entry of the round 120 characters that are nobody else's. */
    private void fill(long roundId) {
        jdbc.sql("""
                update ledger_entry e set status = 'IMPLEMENTED',
                    text = (select string_agg(chr(19968 + abs(hashtext(e.id || ':' || g)) % 20000), '') from generate_series(1, 120) g)
                where e.text = '' and e.ledger_id in (select id from ledger where round_id = ?)""").param(roundId).update();
    }

    /** Today's comparison before fingerprints: every answer of the round, the first near-identical one by entry id. */
    private List<List<Long>> fullComparison(long roundId, long ledgerId) {
        record Answer(long entryId, long ledgerId, long requirementId, Set<String> grams) {
        }
        var answers = jdbc.sql("""
                select e.id, e.ledger_id, e.requirement_id, e.text from ledger_entry e join ledger l on l.id = e.ledger_id
                where l.round_id = ? and e.text <> '' and (e.status is null or e.status <> 'NOT_APPLICABLE') order by e.id""")
                .param(roundId).query((rs, n) -> new Answer(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        AnswerQuality.bigrams(AnswerQuality.normalise(rs.getString(4))))).list();
        var pairs = new ArrayList<List<Long>>();
        for (var mine : answers.stream().filter(a -> a.ledgerId() == ledgerId && a.grams().size() >= AnswerQuality.SHORT).toList()) {
            answers.stream().filter(o -> o.requirementId() == mine.requirementId() && o.ledgerId() != ledgerId)
                    .filter(o -> AnswerQuality.similarity(mine.grams(), o.grams()) >= AnswerQuality.NEAR_IDENTICAL)
                    .min(Comparator.comparingLong(Answer::entryId))
                    .ifPresent(o -> pairs.add(List.of(mine.entryId(), o.entryId())));
        }
        return pairs;
    }

    private static String prose(Random random, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(CJK.charAt(random.nextInt(CJK.length())));
        }
        return text.toString();
    }

    private static String changed(Random random, String text, int characters) {
        var chars = text.toCharArray();
        for (int i = 0; i < characters; i++) {
            chars[random.nextInt(chars.length)] = CJK.charAt(random.nextInt(CJK.length()));
        }
        return new String(chars);
    }

    /** Rows read of the answers (ledger_entry) and of their fingerprints, in this transaction. */
    private record Reads(long answers, long fingerprints) {
    }

    private Reads read(String page, AccountPrincipal as) throws Exception {
        var before = readSoFar();
        mvc.perform(get(page).with(user(as))).andExpect(status().isOk());
        var after = readSoFar();
        return new Reads(after.answers() - before.answers(), after.fingerprints() - before.fingerprints());
    }

    private Reads readSoFar() {
        return jdbc.sql("""
                select (select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables where relname = 'ledger_entry'),
                       (select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables where relname = 'ledger_answer_token')""")
                .query((rs, n) -> new Reads(rs.getLong(1), rs.getLong(2))).single();
    }
}
