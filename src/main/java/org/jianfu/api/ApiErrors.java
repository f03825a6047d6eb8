package org.jianfu.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.RosterSynchronisation;
import org.jianfu.unit.UnitNotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's refusals as JSON: {@code {"status": 404, "error": "…"}} in Chinese, or in English for a caller whose
 * {@code Accept-Language} asks for it; a refused roster adds {@code problems}, one per bad line. Used by the API's
 * controllers and by its security filter (which answers before any controller).
 */
@RestControllerAdvice(assignableTypes = { ApiController.class, ApiLedgerController.class, ApiRosterController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;
    private final JsonMapper json;

    ApiErrors(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The language of the answer: English when the caller asks for it first, else Chinese. */
    static Locale localeOf(HttpServletRequest request) {
        var asked = request.getHeader("Accept-Language");
        return asked != null && asked.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    String text(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, localeOf(request));
    }

    /** Writes a refusal from outside a controller (the security filter). */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body(status, text(request, key))));
    }

    private static Map<String, Object> body(int status, String error) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status);
        body.put("error", error);
        return body;
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, String error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status.value(), error));
    }

    @ExceptionHandler({ UnitNotFoundException.class, ApiNotFoundException.class })
    ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, text(request, "api.error.not-found"));
    }

    @ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class, HandlerMethodValidationException.class,
            HttpMessageNotReadableException.class })
    ResponseEntity<Map<String, Object>> badRequest(HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, text(request, "api.error.bad-request"));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, Object>> ruleBroken(HttpServletRequest request, RuleViolation violation) {
        return answer(HttpStatus.BAD_REQUEST, text(request, violation.messageKey(), violation.arguments()));
    }

    /** Bad roster lines: the first problems, each with its line and its message ("第 3 行：缺少姓名"). */
    @ExceptionHandler(RosterSynchronisation.LinesRefused.class)
    ResponseEntity<Map<String, Object>> linesRefused(HttpServletRequest request, RosterSynchronisation.LinesRefused refused) {
        var problems = refused.problems().stream().limit(200).map(p -> Map.<String, Object>of("line", p.line(),
                "error", text(request, "api.roster.line", p.line(), text(request, p.messageKey(), p.arguments())))).toList();
        var response = answer(HttpStatus.BAD_REQUEST, text(request, "api.roster.refused", refused.problems().size()));
        response.getBody().put("problems", List.copyOf(problems));
        return response;
    }

    /** Something the API does not have (a round, a ledger): answered 404 as a unit outside the caller's subtree is. */
    static final class ApiNotFoundException extends RuntimeException {
        ApiNotFoundException(String what) {
            super(what);
        }
    }
}
