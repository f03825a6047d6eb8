package org.jianfu.supervision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board's pages: the city's board (districts side by side, ranked in one indicator, with a heat map), one indicator
 * (bars of every district against the threshold, the trend by year), one district (each indicator over five years), the
 * catalogue with its thresholds, and "recompute now". The charts' data go to the page as JSON in a data attribute, which
 * {@code /js/board.js} draws with ECharts from the jar.
 */
@Controller
class BoardController {

    private final Board board;
    private final Indicators indicators;
    private final IndicatorValues values;
    private final BoardAccess access;
    private final MessageSource messages;
    private final JsonMapper json;

    BoardController(Board board, Indicators indicators, IndicatorValues values, BoardAccess access, MessageSource messages, JsonMapper json) {
        this.board = board;
        this.indicators = indicators;
        this.values = values;
        this.access = access;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/supervision")
    String city(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        if (BoardAccess.DISTRICT.contains(me.role()) && !access.cityWide(me)) {
            return "redirect:/supervision/districts/" + me.unitId();
        }
        var city = board.city(me, year, sort, page);
        model.addAttribute("board", city);
        model.addAttribute("heatmap", json.writeValueAsString(heatmap(city, locale)));
        return "supervision/board/city";
    }

    @GetMapping("/supervision/indicators/{code}")
    String indicator(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String code, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        var shown = board.indicator(me, code, year, page);
        model.addAttribute("shown", shown);
        model.addAttribute("chart", json.writeValueAsString(bars(shown, locale)));
        model.addAttribute("trend", json.writeValueAsString(trend(shown, locale)));
        return "supervision/board/indicator";
    }

    @GetMapping("/supervision/districts/{id}")
    String district(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Integer year,
            Model model) {
        model.addAttribute("shown", board.district(me, id, year));
        return "supervision/board/district";
    }

    @GetMapping("/supervision/indicators")
    String catalogue(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        access.requireCityWide(me);
        model.addAttribute("indicators", indicators.all());
        return "supervision/board/indicators";
    }

    @PostMapping("/supervision/indicators/{code}/threshold")
    String setThreshold(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String code,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String threshold, RedirectAttributes redirect) {
        access.requireCityWide(me);
        indicators.get(code);
        FormSteps.attempt(redirect, "supervision.indicator.threshold-saved", "supervision.indicator.error.conflict",
                () -> indicators.setThreshold(me, code, version, number(threshold)));
        return "redirect:/supervision/indicators#" + code;
    }

    @PostMapping("/supervision/recompute")
    String recompute(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        access.requireCityWide(me);
        var done = values.recompute(values.currentYear());
        redirect.addFlashAttribute(done ? "success" : "failure", done ? "supervision.board.recomputed" : "supervision.board.year-frozen");
        return "redirect:/supervision";
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            throw new RuleViolation("threshold", "supervision.indicator.error.threshold");
        }
    }

    // --- the charts' data

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Districts (rows) by indicators (columns), each cell the district's place among the districts with a value, 0 best, 100 worst. */
    private Map<String, Object> heatmap(Board.CityBoard city, Locale locale) {
        var data = new ArrayList<Object[]>();
        var rows = city.rows();
        for (int y = 0; y < rows.size(); y++) {
            for (int x = 0; x < city.indicators().size(); x++) {
                var indicator = city.indicators().get(x);
                var cell = rows.get(y).cell(indicator);
                var ranked = city.summary(indicator).withValue();
                if (cell.rank() != null && ranked > 0) {
                    data.add(new Object[] { x, y, ranked == 1 ? 0 : Math.round(100.0 * (cell.rank() - 1) / (ranked - 1)) });
                }
            }
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "heatmap");
        chart.put("x", city.indicators().stream().map(Indicator::code).toList());
        chart.put("xNames", city.indicators().stream().map(i -> msg(i.nameKey(), locale)).toList());
        chart.put("y", rows.stream().map(r -> r.district().name()).toList());
        chart.put("data", data);
        chart.put("low", msg("supervision.board.heat-best", locale));
        chart.put("high", msg("supervision.board.heat-worst", locale));
        return chart;
    }

    /** Every district's value in the year, best first, against the threshold line. */
    private Map<String, Object> bars(Board.IndicatorPage shown, Locale locale) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "bars");
        chart.put("series", msg(shown.indicator().nameKey(), locale));
        chart.put("names", shown.rows().stream().map(r -> r.district().name()).toList());
        chart.put("values", shown.rows().stream().map(r -> r.cell(shown.indicator()).value()).toList());
        chart.put("past", shown.rows().stream().map(r -> r.cell(shown.indicator()).past()).toList());
        chart.put("threshold", shown.indicator().threshold());
        chart.put("thresholdName", msg("supervision.board.threshold", locale));
        return chart;
    }

    /** The indicator's median and the districts past the threshold, year by year. */
    private Map<String, Object> trend(Board.IndicatorPage shown, Locale locale) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "trend");
        chart.put("years", shown.trend().keySet().stream().map(String::valueOf).toList());
        chart.put("median", shown.trend().values().stream().map(IndicatorRepository.Summary::median).toList());
        chart.put("past", shown.trend().values().stream().map(IndicatorRepository.Summary::past).toList());
        chart.put("medianName", msg("supervision.board.median", locale));
        chart.put("pastName", msg("supervision.board.past-count", locale));
        chart.put("threshold", shown.indicator().threshold());
        chart.put("thresholdName", msg("supervision.board.threshold", locale));
        return chart;
    }
}
