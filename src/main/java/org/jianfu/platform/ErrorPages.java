package org.jianfu.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page ({@code templates/error.html}) says what went wrong in the user's language: a title and
 * text per status, and, when the cause is known, the reason as a message key with its arguments.
 */
final class ErrorPages {

    /** Model and request attribute holding the reason's message key; the template reads it by this name. */
    static final String REASON = "errorReason";
    static final String REASON_ARGUMENTS = "errorReasonArguments";

    private ErrorPages() {
    }

    /** Records the reason for an error that the container's error dispatch will render (after sendError). */
    static void explain(HttpServletRequest request, String messageKey, Object... arguments) {
        request.setAttribute(REASON, messageKey);
        request.setAttribute(REASON_ARGUMENTS, arguments);
    }

    /** The error page with the given status and reason, rendered directly by a controller or advice. */
    static ModelAndView page(HttpStatus status, String messageKey, Object... arguments) {
        var view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject(REASON, messageKey);
        view.addObject(REASON_ARGUMENTS, arguments);
        return view;
    }
}
