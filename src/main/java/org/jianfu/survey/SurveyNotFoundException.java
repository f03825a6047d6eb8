package org.jianfu.survey;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A wave, school, link or district that does not exist, or lies outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SurveyNotFoundException extends RuntimeException {

    SurveyNotFoundException(String what) {
        super(what);
    }
}
