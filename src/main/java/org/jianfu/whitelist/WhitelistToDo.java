package org.jianfu.whitelist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits in the whitelist: applications filed with one's commission to review ({@link Whitelist#reviewableBy}),
 * one's own applications returned to be corrected ({@link Whitelist#editableBy}), new reports for the district
 * to handle ({@link Reports#handledBy}), and for a school the listed activities that name it, under way and not
 * yet recorded as hosted. One query per page, each part on an index of the unit's own rows.
 */
@Component
@Order(2)
class WhitelistToDo implements ToDo {

    private final JdbcClient jdbc;
    private final Clock clock;

    WhitelistToDo(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Counts(int toReview, Long firstToReview, int returned, Long firstReturned, int newReports, Long firstNewReport,
            int toConfirm, String firstToConfirm) {
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)) {
            return List.of();
        }
        var role = me.role();
        var reviews = Whitelist.REVIEWERS.contains(role);
        var applies = Whitelist.APPLICANTS.contains(role);
        var handles = Reports.HANDLERS.contains(role);
        var hosts = role == Role.SCHOOL_USER;
        if (!reviews && !applies && !handles && !hosts) {
            return List.of();
        }
        var c = jdbc.sql("""
                select r.n as to_review, r.first as first_to_review, b.n as returned, b.first as first_returned,
                    p.n as new_reports, p.first as first_new_report, h.n as to_confirm, h.code as first_to_confirm
                from (select count(*) as n, min(id) as first from whitelist_application
                      where reviewing_unit_id = :unit and state = 'SUBMITTED') r,
                     (select count(*) as n, min(id) as first from whitelist_application
                      where applicant_unit_id = :unit and state = 'RETURNED') b,
                     (select count(*) as n, min(id) as first from whitelist_report where district_id = :unit and state = 'RECEIVED') p,
                     (select count(*) as n, min(a.verification_code) as code\s""" + WhitelistRepository.TO_CONFIRM + ") h")
                .param("unit", me.unitId()).param("today", LocalDate.now(clock))
                .query((rs, n) -> new Counts(rs.getInt("to_review"), rs.getObject("first_to_review", Long.class),
                        rs.getInt("returned"), rs.getObject("first_returned", Long.class), rs.getInt("new_reports"),
                        rs.getObject("first_new_report", Long.class), rs.getInt("to_confirm"), rs.getString("first_to_confirm")))
                .single();
        var items = new ArrayList<Item>();
        if (reviews) {
            items.add(new Item(Menu.WHITELIST_APPLICATIONS, c.toReview(), "whitelist.todo.to-review", c.toReview() == 1
                    ? "/whitelist/applications/" + c.firstToReview() : "/whitelist/applications?state=SUBMITTED&waiting=true"));
        }
        if (applies) {
            items.add(new Item(Menu.WHITELIST_APPLICATIONS, c.returned(), "whitelist.todo.returned", c.returned() == 1
                    ? "/whitelist/applications/" + c.firstReturned() : "/whitelist/applications?state=RETURNED&waiting=true"));
        }
        if (handles) {
            items.add(new Item(Menu.WHITELIST_REPORTS, c.newReports(), "whitelist.todo.new-reports", c.newReports() == 1
                    ? "/whitelist/reports/" + c.firstNewReport() : "/whitelist/reports?state=RECEIVED"));
        }
        if (hosts) {
            items.add(new Item(Menu.WHITELIST_HOSTED, c.toConfirm(), "whitelist.todo.to-confirm", c.toConfirm() == 1
                    ? "/whitelist/hosted?code=" + c.firstToConfirm() : "/whitelist/hosted"));
        }
        return items;
    }
}
