package org.jianfu.whitelist;

import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of what the public pages show, kept in PostgreSQL and moved by the database itself whenever a
 * unit's name or state or a published item changes (migration V34). Every instance compares its kept pages
 * and listings with it, so a change made through one instance is never hidden by another instance's copy.
 * One primary-key read of a one-row table.
 */
@Component
class PublicPageVersion implements LongSupplier {

    private final JdbcClient jdbc;

    PublicPageVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long getAsLong() {
        return jdbc.sql("select version from public_page_version where id = 1").query(Long.class).single();
    }
}
