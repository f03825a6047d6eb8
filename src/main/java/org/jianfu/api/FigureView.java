package org.jianfu.api;

import java.util.List;
import java.util.Locale;

import org.jianfu.ledger.RegisterFigures;
import org.springframework.context.MessageSource;

/** One register figure as the API shows it: the requirement it backs (by stable code), what it is, its values and its text. */
record FigureView(String requirementCode, String key, List<Object> values, String text, boolean alert) {

    static FigureView of(RegisterFigures.Figure figure, MessageSource messages, Locale locale) {
        var text = messages.getMessage(figure.messageKey(), figure.arguments(), figure.messageKey(), locale);
        return new FigureView(figure.requirementCode(), figure.key(), List.of(figure.arguments()), text, figure.alert());
    }
}
