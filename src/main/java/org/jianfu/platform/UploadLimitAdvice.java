package org.jianfu.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload larger than the server accepts at all never reaches a controller; send the person back to
 * the page they came from with a message, instead of an error page.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("failure", "error.upload-too-large");
        var referer = request.getHeader("Referer");
        var sameSite = referer != null && referer.startsWith(request.getScheme() + "://" + request.getServerName());
        return "redirect:" + (sameSite ? referer : "/");
    }
}
