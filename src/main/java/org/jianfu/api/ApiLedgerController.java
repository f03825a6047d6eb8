package org.jianfu.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jianfu.ledger.LedgerReading;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ledger rounds and the ledgers of the caller's subtree: each ledger's state, its answers to the requirements, and the
 * register figures its readers are shown (frozen when it was signed off, else live), the same as the ledger's page.
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = "年度台账", description = "填报轮次与各单位台账（状态、落实情况、签发时冻结的登记簿数据）；仅限调用方所属单位及其下级单位")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class ApiLedgerController {

    private final LedgerReading reading;
    private final Units units;
    private final MessageSource messages;

    ApiLedgerController(LedgerReading reading, Units units, MessageSource messages) {
        this.reading = reading;
        this.units = units;
        this.messages = messages;
    }

    /** A round, with the ledgers of the caller's units in it. */
    record RoundView(long id, int year, String title, LocalDate deadline, boolean open, Instant openedAt, Instant closedAt,
            List<LedgerSummary> ledgers) {
    }

    record LedgerSummary(long unitId, String state, Instant submittedAt, Instant acceptedAt) {
    }

    /** One answer: the requirement by its stable code and its number and text in the round's template, and what the unit wrote. */
    record AnswerView(String requirementCode, int requirementNumber, String requirement, String status, String statusText, String text,
            String notApplicableReason, Instant updatedAt) {
    }

    /**
     * A unit's ledger in a round.
     *
     * @param figuresFrozenAt when the figures were frozen (at sign-off), or null when they are the registers' live ones
     */
    record LedgerView(long roundId, int year, long unitId, String unitName, String state, String stateText, String contactPerson,
            String contactPhone, Instant startedAt, Instant submittedAt, Instant acceptedAt, List<AnswerView> answers,
            Instant figuresFrozenAt, List<FigureView> figures) {
    }

    @GetMapping("/rounds")
    @Operation(summary = "填报轮次", description = "有调用方范围内单位台账的轮次，新的在前，各附范围内单位台账的状态")
    List<RoundView> rounds(@AuthenticationPrincipal ApiClient client) {
        return reading.rounds(client.unitId()).stream().map(r -> new RoundView(r.round().id(), r.round().year(), r.round().title(),
                r.round().deadline(), r.round().open(), r.round().openedAt(), r.round().closedAt(),
                r.ledgers().stream().map(l -> new LedgerSummary(l.unitId(), l.state().name(), l.submittedAt(), l.acceptedAt())).toList()))
                .toList();
    }

    @GetMapping("/rounds/{roundId}/units/{unitId}/ledger")
    @Operation(summary = "单位台账", description = "该单位在该轮次的台账：状态、联系人、24项工作要求的落实情况（按要求编码），"
            + "以及台账旁显示的登记簿数据（已签发的为签发时冻结的数据）")
    LedgerView ledger(@AuthenticationPrincipal ApiClient client, @PathVariable long roundId, @PathVariable long unitId,
            HttpServletRequest request) {
        var unit = units.getInScope(client, unitId);
        var sheet = reading.ledgerOf(roundId, unit.id())
                .orElseThrow(() -> new ApiErrors.ApiNotFoundException("ledger of unit " + unitId + " in round " + roundId));
        var locale = ApiErrors.localeOf(request);
        var ledger = sheet.ledger();
        var answers = sheet.answers().stream().map(a -> new AnswerView(a.requirementCode(), a.requirementNumber(), a.requirement(),
                a.status() == null ? null : a.status().name(),
                a.status() == null ? null : messages.getMessage(a.status().messageKey(), null, a.status().name(), locale),
                a.text(), a.notApplicableReason(), a.updatedAt())).toList();
        return new LedgerView(sheet.round().id(), sheet.round().year(), unit.id(), unit.name(), ledger.state().name(),
                messages.getMessage(ledger.state().messageKey(), null, ledger.state().name(), locale), ledger.contactPerson(),
                ledger.contactPhone(), ledger.startedAt(), ledger.submittedAt(), ledger.acceptedAt(), answers, sheet.figuresFrozenAt(),
                sheet.figures().stream().map(f -> FigureView.of(f, messages, locale)).toList());
    }
}
