package org.jianfu.exam;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits in the exam register for an education commission: exam plans departments filed with it, not yet arranged,
 * moved or refused. One query per page, on the index of the commission's plans.
 */
@Component
@Order(8)
class ExamToDo implements ToDo {

    private final JdbcClient jdbc;

    ExamToDo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Waiting(int count, Long first, Integer year) {
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me) || !ExamAccess.ARRANGERS.contains(me.role())) {
            return List.of();
        }
        var w = jdbc.sql("""
                select count(*) as n, min(id) as first, min(year) as year from exam_plan
                where arranging_unit_id = ? and state = 'SUBMITTED'""")
                .param(me.unitId())
                .query((rs, n) -> new Waiting(rs.getInt("n"), rs.getObject("first", Long.class), rs.getObject("year", Integer.class)))
                .single();
        var link = w.count() == 1 ? "/exams/plans/" + w.first() : w.count() == 0 ? "/exams" : "/exams?year=" + w.year();
        return List.of(new Item(Menu.EXAMS, w.count(), "exam.todo.to-arrange", link));
    }
}
