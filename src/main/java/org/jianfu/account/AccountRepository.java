package org.jianfu.account;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select * from account where id = ?").param(id).query(AccountRepository::map).optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from account where username = ?").param(username).query(AccountRepository::map).optional();
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select exists(select 1 from account where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    boolean existsWithRole(Role role) {
        return jdbc.sql("select exists(select 1 from account where role = ?)").param(role.name())
                .query(Boolean.class).single();
    }

    /**
     * The accounts of the units under a unit path ({@code /1/4/}), filtered, in a stable order; the scope is read
     * through the unit tree's path, as a country's subtree is 200,000 units, too many to pass as ids.
     */
    List<Account> search(String unitPath, AccountFilter filter) {
        var sql = new StringBuilder("select a.* from account a join unit u on u.id = a.unit_id where u.path like ? escape '\\'");
        var params = new ArrayList<Object>();
        params.add(unitPath + "%");
        if (filter.hasText()) {
            sql.append(" and (a.username ilike ? or a.display_name ilike ?)");
            var like = "%" + filter.text().strip().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (filter.role() != null) {
            sql.append(" and a.role = ?");
            params.add(filter.role().name());
        }
        if (filter.status() != null) {
            sql.append(" and a.enabled = ?");
            params.add(filter.status() == AccountFilter.Status.ENABLED);
        }
        sql.append(" order by a.unit_id, a.role, a.username limit 500");
        return jdbc.sql(sql.toString()).params(params).query(AccountRepository::map).list();
    }

    long insert(String username, String displayName, long unitId, Role role, String email, String passwordHash,
            boolean mustChangePassword, Instant now) {
        return jdbc.sql("""
                insert into account (username, display_name, unit_id, role, email, password_hash, must_change_password,
                                     password_changed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, unitId, role == null ? null : role.name(), email, passwordHash, mustChangePassword, utc(now), utc(now))
                .query(Long.class)
                .single();
    }

    /** E-mail addresses of the enabled accounts of a unit, of these roles, that gave one. */
    List<String> emailsOf(long unitId, java.util.Set<Role> roles) {
        return jdbc.sql("""
                select email from account where unit_id = ? and role = any(string_to_array(?, ',')) and enabled
                and email is not null order by id""")
                .params(unitId, String.join(",", roles.stream().map(Role::name).toList())).query(String.class).list();
    }

    Map<String, String> displayNames(Collection<String> usernames) {
        var names = new HashMap<String, String>();
        jdbc.sql("select username, display_name from account where username = any(?)")
                .param(usernames.toArray(String[]::new))
                .query(rs -> { names.put(rs.getString(1), rs.getString(2)); });
        return names;
    }

    boolean setEnabled(long id, int expectedVersion, boolean enabled) {
        return jdbc.sql("""
                update account set enabled = ?, failed_login_count = 0, locked_until = null, version = version + 1
                where id = ? and version = ?""")
                .params(enabled, id, expectedVersion)
                .update() == 1;
    }

    /** Gives the account a role and the unit it acts for (its scope). */
    boolean setRole(long id, int expectedVersion, Role role, long unitId) {
        return jdbc.sql("update account set role = ?, unit_id = ?, version = version + 1 where id = ? and version = ?")
                .params(role.name(), unitId, id, expectedVersion)
                .update() == 1;
    }

    void setPassword(long id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                update account set password_hash = ?, must_change_password = ?, password_changed_at = ?,
                    failed_login_count = 0, locked_until = null, version = version + 1
                where id = ?""")
                .params(passwordHash, mustChange, utc(now), id)
                .update();
    }

    /**
     * Counts one failed login and locks the account when the count reaches {@code threshold}; the count
     * starts again after a lock. Returns the account after the update, if it exists.
     */
    Optional<Account> recordFailedLogin(String username, int threshold, Instant lockUntil) {
        return jdbc.sql("""
                update account set
                    locked_until = case when failed_login_count + 1 >= :threshold then :lockUntil else locked_until end,
                    failed_login_count = case when failed_login_count + 1 >= :threshold then 0 else failed_login_count + 1 end
                where username = :username
                returning *""")
                .param("threshold", threshold)
                .param("lockUntil", utc(lockUntil))
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    void recordSuccessfulLogin(long id, Instant now) {
        jdbc.sql("update account set failed_login_count = 0, locked_until = null, last_login_at = ? where id = ?")
                .params(utc(now), id)
                .update();
    }

    static Account map(ResultSet rs, int n) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getLong("unit_id"),
                rs.getString("role") == null ? null : Role.valueOf(rs.getString("role")),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getBoolean("must_change_password"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_login_count"),
                instant(rs, "locked_until"),
                instant(rs, "last_login_at"),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }
}
