package org.jianfu.api;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jianfu.collection.FieldDictionary;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API for the education data platform: the unit hierarchy and every register's figures per unit, each limited
 * to the subtree of the caller's unit (anything outside it is answered 404, as if it did not exist), and the field
 * dictionary of the data-collection register (the city's, the same for every caller).
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = "单位与登记簿数据", description = "单位层级、各登记簿数据与字段字典；仅限调用方所属单位及其下级单位")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class ApiController {

    private final Units units;
    private final LedgerFigures figures;
    private final FieldDictionary dictionary;
    private final MessageSource messages;

    ApiController(Units units, LedgerFigures figures, FieldDictionary dictionary, MessageSource messages) {
        this.units = units;
        this.figures = figures;
        this.dictionary = dictionary;
        this.messages = messages;
    }

    /** A unit as the API shows it. */
    record UnitView(long id, Long parentId, String type, String name, String code, String stage, int depth, boolean enabled) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.id(), unit.parentId(), unit.type().name(), unit.name(), unit.code(),
                    unit.stage() == null ? null : unit.stage().name(), unit.depth(), unit.enabled());
        }
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
    List<FigureView> figures(@AuthenticationPrincipal ApiClient client, @PathVariable long id, HttpServletRequest request,
            @Parameter(description = "年度，如 2026") @RequestParam int year) {
        var unit = units.getInScope(client, id);
        var locale = ApiErrors.localeOf(request);
        return figures.live(List.of(unit.id()), year).getOrDefault(unit.id(), List.of()).stream()
                .map(f -> FigureView.of(f, messages, locale)).toList();
    }

    /** A standard field of the data-collection register's dictionary (requirement 16). */
    record DictionaryFieldView(String code, String name, String definition, String valueType, String allowedValues, String source,
            String sourceText, boolean retired) {
    }

    @GetMapping("/field-dictionary")
    @Operation(summary = "数据采集字段字典", description = "各类报表可采集的标准基础字段（要求16），含其权威来源系统；字典为全市共用")
    List<DictionaryFieldView> dictionary(HttpServletRequest request,
            @Parameter(description = "是否包括已停用的字段") @RequestParam(defaultValue = "false") boolean retired) {
        var locale = ApiErrors.localeOf(request);
        return dictionary.fields(retired).stream().map(f -> new DictionaryFieldView(f.code(), f.name(), f.definition(),
                f.valueType().name(), f.allowedValues(), f.source().name(),
                messages.getMessage(f.source().messageKey(), null, f.source().name(), locale), f.retired())).toList();
    }
}
