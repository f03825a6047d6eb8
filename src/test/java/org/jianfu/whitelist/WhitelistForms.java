package org.jianfu.whitelist;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolStage;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Application forms for tests: a clean one, and the same as request parameters. */
public final class WhitelistForms {

    private WhitelistForms() {
    }

    public static ApplicationForm clean(String name, int year, LocalDate from, LocalDate to, List<Long> schoolIds) {
        return clean(name, year, from, to, schoolIds, 0);
    }

    /** The same, correcting the application of this version (after it was returned). */
    public static ApplicationForm clean(String name, int year, LocalDate from, LocalDate to, List<Long> schoolIds, int version) {
        return new ApplicationForm(name, "测试主办单位", Category.PUBLICITY, "测试活动内容", Set.of(ActivityForm.LECTURE),
                "学校报告厅", schoolIds.isEmpty() ? Set.of(SchoolStage.PRIMARY) : Set.of(), null, schoolIds, year, from, to,
                "每校1次", "测试依据", null, 0, false, false, false, false, version);
    }

    /** A clean application as the browser posts it, answering "yes" only to the given demand (if any). */
    static MockHttpServletRequestBuilder params(MockHttpServletRequestBuilder request, String name, BannedDemand yes) {
        return params(request, name, yes, null);
    }

    /** The same, leaving one banned-demand question unanswered. */
    static MockHttpServletRequestBuilder params(MockHttpServletRequestBuilder request, String name, BannedDemand yes,
            BannedDemand unanswered) {
        request.param("activityName", name).param("leadUnit", "区城管委").param("category", "CITY_CREATION")
                .param("content", "创城宣传").param("forms", "LECTURE").param("place", "学校礼堂").param("year", "2026")
                .param("startsOn", "2026-04-01").param("endsOn", "2026-04-30").param("frequency", "1次")
                .param("basis", "区创城方案").param("teacherHours", "0").param("version", "0");
        for (var demand : java.util.Arrays.stream(BannedDemand.values()).filter(d -> d != unanswered).toList()) {
            request.param(demand.field(), Boolean.toString(demand == yes));
        }
        return request;
    }
}
