package org.jianfu.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every installation starts with the 2021 ledger template, demo or not. */
@Component
@Order(5)
class ShippedTemplatesLoader implements ApplicationRunner {

    private final Templates templates;

    ShippedTemplatesLoader(Templates templates) {
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        templates.loadShippedTemplates();
    }
}
