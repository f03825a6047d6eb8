package org.jianfu.platform;

import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the person's {@link ToDoList} on every page. Nothing is read until a page shows it, so redirects,
 * downloads and htmx fragments cost no query.
 */
@ControllerAdvice
class ToDoAdvice {

    private final List<ToDo> modules;

    ToDoAdvice(List<ToDo> modules) {
        this.modules = modules;
    }

    @ModelAttribute("toDo")
    ToDoList toDo() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Actor actor)) {
            return null;
        }
        return new ToDoList(() -> modules.stream().flatMap(m -> m.itemsFor(actor).stream()).toList());
    }
}
