package org.jianfu.platform;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Input a controller did not expect is answered with a 400 page that says why, never a 500: parameters
 * that are not numbers or dates or out of range, a rule broken on a page that does not show it next to
 * a field, and, as a last resort, a value the database refuses (too long, NUL, out of range). Nothing
 * has been written in any of these cases: the transaction rolled back.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInputAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadInputAdvice.class);

    /** PostgreSQL SQLStates caused by the value sent, with the message that explains each. */
    private static final Map<String, String> REFUSED_VALUES = Map.of(
            "22001", "error.input.too-long",         // string_data_right_truncation
            "23514", "error.input.refused-value",    // check_violation: the schema's length and format limits
            "22021", "error.input.nul",              // character_not_in_repertoire: NUL in a multipart field
            "22P05", "error.input.nul",              // untranslatable_character
            "22003", "error.input.parameter",        // numeric_value_out_of_range
            "22007", "error.input.parameter",        // invalid_datetime_format
            "22008", "error.input.parameter");       // datetime_field_overflow

    @ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class, BindException.class,
            HandlerMethodValidationException.class, HttpMessageNotReadableException.class, DateTimeException.class })
    ModelAndView badParameter(Exception e) {
        log.debug("bad request parameter: {}", e.getMessage());
        return ErrorPages.page(HttpStatus.BAD_REQUEST, "error.input.parameter");
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView ruleBroken(RuleViolation violation) {
        return ErrorPages.page(HttpStatus.BAD_REQUEST, violation.messageKey(), violation.arguments());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView refusedByDatabase(DataIntegrityViolationException e) {
        var reason = REFUSED_VALUES.get(sqlState(e));
        if (reason == null) {
            throw e;
        }
        log.info("value refused by the database ({}): {}", sqlState(e), e.getMostSpecificCause().getMessage());
        return ErrorPages.page(HttpStatus.BAD_REQUEST, reason);
    }

    private static String sqlState(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
