package org.jianfu.platform;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything that waits for the signed-in person, gathered from every module's {@link ToDo} at most once per
 * request and only when a page shows it (the home page's list and the sidebar's counts read the same).
 */
public final class ToDoList {

    private final Supplier<List<ToDo.Item>> gather;
    private List<ToDo.Item> watched;

    ToDoList(Supplier<List<ToDo.Item>> gather) {
        this.gather = gather;
    }

    private List<ToDo.Item> watched() {
        if (watched == null) {
            watched = gather.get();
        }
        return watched;
    }

    /** Whether the person's role has anything to watch at all (the system and audit admins have not). */
    public boolean applies() {
        return !watched().isEmpty();
    }

    /** What waits now, in the modules' order. */
    public List<ToDo.Item> items() {
        return watched().stream().filter(i -> i.count() > 0).toList();
    }

    /** How many things wait behind a menu entry, by the entry's name. */
    public int count(String menu) {
        var entry = ToDo.Menu.valueOf(menu);
        return watched().stream().filter(i -> i.menu() == entry).mapToInt(ToDo.Item::count).sum();
    }
}
