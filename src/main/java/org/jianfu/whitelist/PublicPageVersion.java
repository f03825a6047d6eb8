package org.jianfu.whitelist;

import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of what the public pages show, kept in PostgreSQL and moved by the database itself whenever a
 * unit's name or state or a published item changes (migration V34). Every instance compares its kept pages
 * and listings with it, so a change made through one instance is never hidden by another instance's copy.
 *
 * <p>Under load the reads are shared: a caller gets the result of a read that began after it asked (so every
 * change committed before it asked is seen), but while one read is under way, everyone who asks meanwhile
 * waits for the next single read instead of each sending their own. A verification page served from the
 * cache then costs a fraction of a database round trip instead of one each. A caller inside a transaction
 * reads on its own connection instead (see {@link #getAsLong()}).
 */
@Component
class PublicPageVersion implements LongSupplier {

    private final LongSupplier database;
    private long started;
    private long finished = -1;
    private long value;
    private boolean reading;

    @Autowired
    PublicPageVersion(JdbcClient jdbc) {
        this(() -> jdbc.sql("select version from public_page_version where id = 1").query(Long.class).single());
    }

    PublicPageVersion(LongSupplier database) {
        this.database = database;
    }

    @Override
    public long getAsLong() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // This caller holds a pooled connection: waiting for a read under way, which may itself be waiting for
            // a connection from the pool such callers keep busy, stalled every rendered page until the pool's
            // time-out at 1,000 requests a second. One query on the connection it holds costs less.
            return database.getAsLong();
        }
        long mine;
        synchronized (this) {
            var askedAt = started;
            while (true) {
                if (finished >= askedAt) {
                    return value;
                }
                if (!reading) {
                    reading = true;
                    mine = started++;
                    break;
                }
                waitForRead();
            }
        }
        var read = false;
        long result = 0;
        try {
            result = database.getAsLong();
            read = true;
            return result;
        }
        finally {
            synchronized (this) {
                reading = false;
                if (read) {
                    value = result;
                    finished = mine;
                }
                notifyAll();
            }
        }
    }

    private void waitForRead() {
        try {
            wait();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the public page version", e);
        }
    }
}
