package org.jianfu.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.survey.ResultRepository.Breakdown;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** A wave's results for the reader's scope, with charts, and the same groups as a CSV file (groups under the threshold left out). */
@Controller
class ResultsController {

    private final SurveyResults results;
    private final MessageSource messages;
    private final JsonMapper json;

    ResultsController(SurveyResults results, MessageSource messages, JsonMapper json) {
        this.results = results;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/survey/waves/{id}/results")
    String results(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Breakdown by, Model model) {
        var shown = results.results(me, id, district, by);
        model.addAttribute("r", shown);
        model.addAttribute("breakdowns", shown.districtId() == null ? List.of(Breakdown.DISTRICT, Breakdown.SCHOOL_TYPE, Breakdown.STAGE)
                : List.of(Breakdown.SCHOOL_TYPE, Breakdown.STAGE));
        model.addAttribute("hoursQuestions", shown.questions().stream().filter(q -> q.kind() == SurveyQuestion.Kind.HOURS).toList());
        model.addAttribute("scaleQuestions", shown.questions().stream().filter(q -> q.kind() == SurveyQuestion.Kind.SCALE).toList());
        model.addAttribute("hoursChart", hoursChart(shown));
        model.addAttribute("groupChart", groupChart(shown));
        model.addAttribute("trendChart", trendChart(shown));
        model.addAttribute("demandChart", demandChart(shown));
        return "survey/results";
    }

    @GetMapping("/survey/waves/{id}/results.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long district, @RequestParam(required = false) Breakdown by) {
        var shown = results.results(me, id, district, by);
        var hours = shown.questions().stream().filter(q -> q.kind() != SurveyQuestion.Kind.STAGE && q.kind() != SurveyQuestion.Kind.TEXT)
                .toList();
        var out = new StringBuilder("\uFEFF");
        var head = new ArrayList<String>(List.of(message("survey.results.group"), message("survey.results.answers"),
                message("survey.results.mean-hours"), message("survey.results.non-teaching")));
        hours.forEach(q -> head.add(q.label()));
        out.append(csvLine(head));
        var rows = new ArrayList<SurveyResults.Group>();
        if (shown.total() != null) {
            rows.add(shown.total());
        }
        rows.addAll(shown.groups());
        for (var g : rows) {
            var line = new ArrayList<String>(List.of(label(g), Long.toString(g.answers()), g.meanHours().toPlainString(),
                    g.nonTeachingPercent() == null ? "" : g.nonTeachingPercent().toPlainString()));
            hours.forEach(q -> line.add(g.means().containsKey(q.id()) ? g.means().get(q.id()).toPlainString() : ""));
            out.append(csvLine(line));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("survey-" + id + "-results.csv", StandardCharsets.UTF_8).build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String hoursChart(SurveyResults.Results r) {
        if (r.total() == null) {
            return null;
        }
        var qs = r.questions().stream().filter(q -> q.kind() == SurveyQuestion.Kind.HOURS).toList();
        return chart("bars", qs.stream().map(SurveyQuestion::label).toList(), message("survey.results.mean-hours"),
                qs.stream().map(q -> r.total().means().get(q.id())).toList());
    }

    private String groupChart(SurveyResults.Results r) {
        if (r.groups().isEmpty()) {
            return null;
        }
        return chart("bars", r.groups().stream().map(this::label).toList(), message("survey.results.non-teaching"),
                r.groups().stream().map(SurveyResults.Group::nonTeachingPercent).toList());
    }

    private String trendChart(SurveyResults.Results r) {
        return chart("line", r.trend().stream().map(p -> p.wave().name()).toList(), message("survey.results.non-teaching"),
                r.trend().stream().map(p -> p.group() == null ? null : p.group().nonTeachingPercent()).toList());
    }

    private String demandChart(SurveyResults.Results r) {
        if (r.demands().isEmpty()) {
            return null;
        }
        return chart("bars", r.demands().stream().map(d -> message(d.question().demand().messageKey())).toList(),
                message("survey.results.named-percent"), r.demands().stream().map(SurveyResults.Demand::percent).toList());
    }

    private String chart(String kind, List<String> names, String series, List<?> values) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("names", names);
        chart.put("series", series);
        chart.put("values", values);
        return json.writeValueAsString(chart);
    }

    String label(SurveyResults.Group g) {
        return g.name() != null ? g.name() : message(g.labelKey());
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String csvLine(List<String> cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            var cell = cells.get(i) == null ? "" : cells.get(i);
            // a cell opening with a formula character is read as text by spreadsheets
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            line.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }
}
