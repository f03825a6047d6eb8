package org.jianfu.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitNotFoundException;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API for the education data platform: the unit hierarchy and every register's figures per unit, each limited
 * to the subtree of the token's unit (anything outside it is answered 404, as if it did not exist).
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = "减负平台数据接口", description = "单位层级与各登记簿数据；仅限令牌所属单位及其下级单位")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class ApiController {

    private final Units units;
    private final LedgerFigures figures;
    private final MessageSource messages;

    ApiController(Units units, LedgerFigures figures, MessageSource messages) {
        this.units = units;
        this.figures = figures;
        this.messages = messages;
    }

    /** A unit as the API shows it. */
    record UnitView(long id, Long parentId, String type, String name, String code, String stage, int depth, boolean enabled) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.id(), unit.parentId(), unit.type().name(), unit.name(), unit.code(),
                    unit.stage() == null ? null : unit.stage().name(), unit.depth(), unit.enabled());
        }
    }

    /** One register figure: the requirement it backs (by stable code), what it is, its values and its text in Chinese. */
    record FigureView(String requirementCode, String key, List<Object> values, String text, boolean alert) {
    }

    @GetMapping("/units")
    @Operation(summary = "单位层级", description = "令牌所属单位及其全部下级单位，按层级与官方顺序")
    List<UnitView> units(@AuthenticationPrincipal ApiClient client) {
        return units.subtree(client.unitId()).stream()
                .sorted(Comparator.comparingInt(Unit::depth).thenComparing(Unit.OFFICIAL_ORDER))
                .map(UnitView::of).toList();
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "单个单位")
    UnitView unit(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
        return UnitView.of(units.getInScope(client, id));
    }

    @GetMapping("/units/{id}/figures")
    @Operation(summary = "登记簿数据", description = "各登记簿为该单位该年度计算的数据（与台账旁显示的系统核验数据相同）")
    List<FigureView> figures(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
            @Parameter(description = "年度，如 2026") @RequestParam int year) {
        var unit = units.getInScope(client, id);
        return figures.live(List.of(unit.id()), year).getOrDefault(unit.id(), List.of()).stream().map(this::view).toList();
    }

    private FigureView view(RegisterFigures.Figure figure) {
        var text = messages.getMessage(figure.messageKey(), figure.arguments(), figure.messageKey(), Locale.SIMPLIFIED_CHINESE);
        return new FigureView(figure.requirementCode(), figure.key(), List.of(figure.arguments()), text, figure.alert());
    }

    @ExceptionHandler(UnitNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    void notFound() {
    }
}
