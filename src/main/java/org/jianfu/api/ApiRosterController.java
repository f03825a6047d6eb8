package org.jianfu.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jianfu.audit.AuditableEvent;
import org.jianfu.teacher.RosterSynchronisation;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roster synchronisation (requirement 17): the teacher information system sends a school's whole roster, which replaces
 * the school's teachers in Jianfu as an imported file would, in one transaction; for callers granted the roster write
 * only (the security filter refuses the others), within their subtree.
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = "教师名册同步", description = "由教师管理信息系统同步学校的教师名册；须安全管理员授予“同步教师名册”权限")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class ApiRosterController {

    private final RosterSynchronisation synchronisation;
    private final Units units;
    private final ApplicationEventPublisher events;

    ApiRosterController(RosterSynchronisation synchronisation, Units units, ApplicationEventPublisher events) {
        this.synchronisation = synchronisation;
        this.units = units;
        this.events = events;
    }

    /** What a synchronisation changed: the school's teachers before and after, and how many were added, updated, marked as left. */
    record SynchronisedView(long unitId, long before, long after, int added, int updated, int unchanged, int left) {
    }

    record RosterSynchronised(long unitId, Object before, Object after) implements AuditableEvent {
        public String action() { return "api.roster-synchronised"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(unitId); }
    }

    @PutMapping(value = "/units/{id}/teachers", consumes = "application/json")
    @Operation(summary = "同步学校教师名册", description = "以请求中的教师列表替换该校的教师名册：新增、更新，未列出的教师标记为离开。"
            + "任何一行有问题（缺编号或姓名、身份证号校验位错误、编号重复、编号属于其他区的在册教师等）则整批拒绝（400，逐行说明），名册不变。"
            + "身份证号只保存其加密摘要与末四位。须“同步教师名册”权限，否则 403。")
    @ApiResponse(responseCode = "200", description = "已同步")
    @ApiResponse(responseCode = "400", description = "有问题的行，名册未改变")
    @ApiResponse(responseCode = "403", description = "令牌或客户端只读")
    SynchronisedView replace(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
            @RequestBody List<RosterSynchronisation.TeacherLine> teachers) {
        var school = units.getInScope(client, id);
        var result = synchronisation.replaceSchoolRoster(client, school.id(), teachers == null ? List.of() : teachers);
        events.publishEvent(new RosterSynchronised(school.id(), Map.of("teachers", result.before()), Map.of("teachers", result.after(),
                "added", result.added(), "updated", result.updated(), "left", result.left(), "importId", result.importId())));
        return new SynchronisedView(school.id(), result.before(), result.after(), result.added(), result.updated(), result.unchanged(),
                result.left());
    }
}
