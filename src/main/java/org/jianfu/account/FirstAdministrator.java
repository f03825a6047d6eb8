package org.jianfu.account;

import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Outside demo mode the database starts without accounts. The first system admin (and the first audit and
 * security admins, separate duties no other admin can create) come from configuration:
 * {@code JIANFU_BOOTSTRAP_ADMIN_USERNAME}/{@code _PASSWORD}, {@code JIANFU_BOOTSTRAP_AUDITOR_USERNAME}/{@code _PASSWORD}
 * and {@code JIANFU_BOOTSTRAP_SECURITY_USERNAME}/{@code _PASSWORD}, or the same as
 * {@code --jianfu.bootstrap.admin-username=…} options. Each is created
 * once, only while no account of its role exists, and must change its password at first login. The
 * root unit is created too when the database has none.
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final Units units;
    private final PasswordPolicy policy;
    private final String cityName;
    private final String adminUsername;
    private final String adminPassword;
    private final String auditorUsername;
    private final String auditorPassword;
    private final String securityUsername;
    private final String securityPassword;

    FirstAdministrator(Accounts accounts, Units units, PasswordPolicy policy,
            @Value("${jianfu.bootstrap.city-name:北京市教育委员会}") String cityName,
            @Value("${jianfu.bootstrap.admin-username:}") String adminUsername,
            @Value("${jianfu.bootstrap.admin-password:}") String adminPassword,
            @Value("${jianfu.bootstrap.auditor-username:}") String auditorUsername,
            @Value("${jianfu.bootstrap.auditor-password:}") String auditorPassword,
            @Value("${jianfu.bootstrap.security-username:}") String securityUsername,
            @Value("${jianfu.bootstrap.security-password:}") String securityPassword) {
        this.accounts = accounts;
        this.units = units;
        this.policy = policy;
        this.cityName = cityName;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.auditorUsername = auditorUsername;
        this.auditorPassword = auditorPassword;
        this.securityUsername = securityUsername;
        this.securityPassword = securityPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create(Role.SYSTEM_ADMIN, adminUsername, adminPassword, "系统管理员");
        create(Role.AUDIT_ADMIN, auditorUsername, auditorPassword, "安全审计员");
        create(Role.SECURITY_ADMIN, securityUsername, securityPassword, "安全管理员");
    }

    private void create(Role role, String username, String password, String displayName) {
        if (!StringUtils.hasText(username) || accounts.existsWithRole(role)) {
            return;
        }
        var problems = policy.check(password, username);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The bootstrap password for " + username + " breaks the password rule: "
                    + problems.stream().map(PasswordPolicy.Problem::messageKey).toList());
        }
        var root = units.root().orElseGet(() ->
                units.create(new Units.NewUnit(null, UnitType.CITY, cityName, null, null)));
        accounts.createInitial(username, displayName, root.id(), role, password, true);
        log.info("Created the first {} account '{}' in {}", role, username, root.name());
    }
}
