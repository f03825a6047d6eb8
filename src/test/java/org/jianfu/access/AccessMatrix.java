package org.jianfu.access;

import static org.jianfu.access.AccessMatrix.Who.ANONYMOUS;
import static org.jianfu.access.AccessMatrix.Who.AUDIT_ADMIN;
import static org.jianfu.access.AccessMatrix.Who.CITY_ADMIN;
import static org.jianfu.access.AccessMatrix.Who.DEPARTMENT_USER;
import static org.jianfu.access.AccessMatrix.Who.DISTRICT_APPROVER;
import static org.jianfu.access.AccessMatrix.Who.DISTRICT_REPORTER;
import static org.jianfu.access.AccessMatrix.Who.SCHOOL_USER;
import static org.jianfu.access.AccessMatrix.Who.SECURITY_ADMIN;
import static org.jianfu.access.AccessMatrix.Who.SUPERVISOR;
import static org.jianfu.access.AccessMatrix.Who.SYSTEM_ADMIN;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jianfu.account.Role;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what, route by route: the expectations of {@link AccessMatrixTests}. The actors work in
 * 海淀区 (the city admin at the city); "own" fills a route's variables with 海淀区's objects, "other"
 * with 朝阳区's. A route without a district's object in its path is tried once ("own").
 */
class AccessMatrix {

    static final String HTMX = org.jianfu.test.PageRoutes.HTMX;

    /** The actors: the demo accounts of 海淀区 and the city, and 海淀区 accounts for the roles the demo keeps at the city. */
    enum Who {
        CITY_ADMIN(Role.CITY_ADMIN, "city.admin"),
        DISTRICT_REPORTER(Role.DISTRICT_REPORTER, "haidian.reporter"),
        DISTRICT_APPROVER(Role.DISTRICT_APPROVER, "haidian.approver"),
        DEPARTMENT_USER(Role.DEPARTMENT_USER, "dept.user"),
        SCHOOL_USER(Role.SCHOOL_USER, "school.user"),
        SUPERVISOR(Role.SUPERVISOR, null),
        SYSTEM_ADMIN(Role.SYSTEM_ADMIN, null),
        AUDIT_ADMIN(Role.AUDIT_ADMIN, null),
        SECURITY_ADMIN(Role.SECURITY_ADMIN, null),
        ANONYMOUS(null, null);

        private final Role role;
        private final String demoAccount;

        Who(Role role, String demoAccount) {
            this.role = role;
            this.demoAccount = demoAccount;
        }

        Role role() {
            return role;
        }

        String demoAccount() {
            return demoAccount;
        }
    }

    enum Side {
        OWN, OTHER
    }

    /** The objects a request points at: a district's (own or other) and the shared ones. */
    record At(MatrixObjects.District d, MatrixObjects.Shared shared, MatrixObjects objects) {
    }

    record Row(HttpMethod method, String pattern, boolean htmx, Set<Who> own, Set<Who> other, Function<At, Object[]> variables,
            BiConsumer<At, MockHttpServletRequestBuilder> parameters) {

        boolean scoped() {
            return other != null;
        }

        Set<Who> allowed(Side side) {
            return side == Side.OWN ? own : other;
        }
    }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> LOGGED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    private static final Set<Who> NOBODY = EnumSet.noneOf(Who.class);
    /** Education staff: the commissions and the supervision office. */
    private static final Set<Who> EDUCATION = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SUPERVISOR);
    private static final Set<Who> CITY = EnumSet.of(CITY_ADMIN);

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final At own;
    private final At other;

    AccessMatrix(MatrixObjects objects) {
        var shared = objects.shared();
        this.own = new At(objects.haidian(shared), shared, objects);
        this.other = new At(objects.chaoyang(shared), shared, objects);
        platform();
        account();
        unit();
        ledger();
        document();
        whitelist();
        inspection();
        collection();
        roster();
        staffing();
        duties();
        exams();
        api();
        supervisionBoard();
        supervisionVisits();
        survey();
        evaluation();
        practice();
    }

    Map<String, Row> rows() {
        return rows;
    }

    At at(Side side) {
        return side == Side.OWN ? own : other;
    }

    // --- the table, module by module

    private void platform() {
        unscoped("GET /", LOGGED_IN);
        unscoped("GET /login", EVERYONE);
        // the error page, as the container's error dispatch reaches it
        unscoped("GET /error", EVERYONE, none(), (at, b) -> b.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400));
        unscoped("GET /notifications", LOGGED_IN);
        unscoped("POST /notifications/read", LOGGED_IN);
        unscoped("GET /actuator/health", EVERYONE);
        unscoped("GET /actuator/health/**", NOBODY);
    }

    private void account() {
        var admin = EnumSet.of(SYSTEM_ADMIN);
        unscoped("GET /account/password", LOGGED_IN);
        unscoped("POST /account/password", LOGGED_IN, none(), (at, b) -> b.param("currentPassword", "wrong").param("newPassword", "x")
                .param("confirmPassword", "y"));
        unscoped("GET /admin/accounts", admin);
        unscoped("GET /admin/accounts" + HTMX, admin);
        unscoped("GET /admin/accounts/new", admin);
        // A unit outside one's scope is answered on the form (account.error.unit-out-of-scope), like a unit that does not exist.
        scoped("POST /admin/accounts", admin, admin, none(), (at, b) -> b.param("unitId", "" + at.d().school().id()).param("role", "SCHOOL_USER")
                .param("username", "").param("displayName", ""));
        scoped("GET /admin/accounts/{id}", admin, at -> ids(at.d().account()));
        scoped("POST /admin/accounts/{id}/disable", admin, at -> ids(at.d().account()), version());
        scoped("POST /admin/accounts/{id}/enable", admin, at -> ids(at.d().account()), version());
        // the second-factor page: for whoever is signed in (enrolment, or the code after the password)
        unscoped("GET /account/second-factor", LOGGED_IN);
        unscoped("POST /account/second-factor", LOGGED_IN, none(), (at, b) -> b.param("code", "000000"));
        unscoped("POST /account/second-factor/enrol", LOGGED_IN, none(), (at, b) -> b.param("code", "000000"));
        // the security admin's duty: roles, scope, password and second-factor resets, policies; nobody else's
        var security = EnumSet.of(SECURITY_ADMIN);
        unscoped("GET /security/accounts", security);
        unscoped("GET /security/accounts" + HTMX, security);
        scoped("GET /security/accounts/{id}", security, at -> ids(at.d().account()));
        // no role given: answered on the page (account.error.role-not-allowed), nothing changes
        scoped("POST /security/accounts/{id}/role", security, at -> ids(at.d().account()), version());
        scoped("POST /security/accounts/{id}/reset-password", security, at -> ids(at.d().account()));
        // the account has no second factor: answered on the page, nothing changes
        scoped("POST /security/accounts/{id}/reset-second-factor", security, at -> ids(at.d().account()));
        // single sign-on links: no provider named, answered on the page; no such link to remove, nothing changes
        scoped("POST /security/accounts/{id}/identities", security, at -> ids(at.d().account()));
        scoped("POST /security/accounts/{id}/identities/delete", security, at -> ids(at.d().account()));
        unscoped("GET /security/policy", security);
        unscoped("POST /security/policy", security);
        var auditor = EnumSet.of(AUDIT_ADMIN);
        unscoped("GET /audit", auditor);
        unscoped("GET /audit" + HTMX, auditor);
        unscoped("GET /audit/verify", auditor);
        unscoped("POST /audit/verify", auditor);
        unscoped("POST /audit/verify" + HTMX, auditor);
    }

    /** The data platform's API: a bearer token only, never a session (so every row here is refused); its tokens' page. */
    private void api() {
        unscoped("GET /api/v1/units", NOBODY);
        scoped("GET /api/v1/units/{id}", NOBODY, at -> ids(at.d().district().id()));
        scoped("GET /api/v1/units/{id}/figures", NOBODY, at -> ids(at.d().district().id()));
        unscoped("GET /api/v1/rounds", NOBODY);
        scoped("GET /api/v1/rounds/{roundId}/units/{unitId}/ledger", NOBODY, at -> ids(at.shared().round(), at.d().district().id()));
        unscoped("GET /api/v1/field-dictionary", NOBODY);
        scoped("PUT /api/v1/units/{id}/teachers", NOBODY, at -> ids(at.d().school().id()));
        var security = EnumSet.of(SECURITY_ADMIN);
        unscoped("GET /security/api-tokens", security);
        // nothing filled in: answered on the page; no token 0: the security admin is told it is gone
        unscoped("POST /security/api-tokens", security);
        unscoped("POST /security/api-tokens/{id}/revoke", security, at -> ids(0));
        // the identity provider's clients, registered on the same page: nothing filled in, no client 0
        unscoped("POST /security/api-tokens/clients", security);
        unscoped("POST /security/api-tokens/clients/{id}/revoke", security, at -> ids(0));
        // the OpenAPI document and its reference, for whoever is signed in
        unscoped("GET /v3/api-docs", LOGGED_IN);
        unscoped("GET /v3/api-docs.yaml", LOGGED_IN);
        unscoped("GET /v3/api-docs/swagger-config", LOGGED_IN);
        unscoped("GET /swagger-ui.html", LOGGED_IN);
    }

    private void unit() {
        var admin = EnumSet.of(SYSTEM_ADMIN);
        unscoped("GET /admin/units", admin);
        scoped("GET /admin/units/new", admin, none(), (at, b) -> b.param("parentId", "" + at.d().district().id()));
        scoped("POST /admin/units", admin, none(), (at, b) -> b.param("parentId", "" + at.d().district().id()).param("type", "SCHOOL")
                .param("name", ""));
        scoped("GET /admin/units/{id}", admin, at -> ids(at.d().school().id()));
        scoped("POST /admin/units/{id}", admin, at -> ids(at.d().school().id()), version());
        scoped("POST /admin/units/{id}/aliases", admin, at -> ids(at.d().district().id()));
        // No alias 0: the admin of the unit is told it is gone, anyone else does not find the unit.
        scoped("POST /admin/units/{id}/aliases/{aliasId}/delete", admin, at -> ids(at.d().district().id(), 0));
        unscoped("GET /units", EnumSet.complementOf(EnumSet.of(ANONYMOUS, AUDIT_ADMIN)));
        // the unit picker's search: each finds only units of their own area (UnitPickerTests), so it is open to all who use forms
        unscoped("GET /units/picker", EnumSet.complementOf(EnumSet.of(ANONYMOUS, AUDIT_ADMIN)), none(), (at, b) -> b.param("q", "学校"));
        scoped("GET /units/{id}", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER, SUPERVISOR, SYSTEM_ADMIN,
                SECURITY_ADMIN), at -> ids(at.d().school().id()));
        scoped("GET /units/{id}/seals/{sealId}", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SUPERVISOR, SYSTEM_ADMIN,
                SECURITY_ADMIN), at -> ids(at.d().district().id(), at.d().seal()));
        // a seal is uploaded by the unit's own approver only: never an administrator, never another district's
        // (no file: answered on the page)
        scoped("POST /units/{id}/seal", EnumSet.of(DISTRICT_APPROVER), NOBODY, at -> ids(at.d().district().id()), (at, b) -> { });
    }

    private void ledger() {
        var readers = EDUCATION;
        var reporter = EnumSet.of(DISTRICT_REPORTER);
        unscoped("GET /ledger", EDUCATION);
        unscoped("GET /ledger/rounds/new", CITY);
        unscoped("POST /ledger/rounds", CITY);
        unscoped("POST /ledger/rounds/{id}/close", CITY, at -> ids(at.shared().round()), version());
        unscoped("POST /ledger/rounds/{id}/chase", CITY, at -> ids(at.shared().round()));
        unscoped("GET /ledger/rounds/{id}", EnumSet.of(CITY_ADMIN, SUPERVISOR), at -> ids(at.shared().round()));
        unscoped("GET /ledger/rounds/{id}/requirements/{number}", EnumSet.of(CITY_ADMIN, SUPERVISOR), at -> ids(at.shared().round(), 1));
        unscoped("GET /ledger/templates", CITY);
        unscoped("GET /ledger/templates/{id}", CITY, at -> ids(at.shared().template()));
        unscoped("POST /ledger/templates/{id}/copy", CITY, at -> ids(at.shared().template()));
        unscoped("POST /ledger/templates/{id}/requirements/{requirementId}", CITY,
                at -> ids(at.shared().template(), at.shared().requirement()));
        unscoped("POST /ledger/templates/{id}/requirements/{requirementId}/delete", CITY,
                at -> ids(at.shared().template(), at.shared().requirement()));
        unscoped("POST /ledger/templates/{id}/requirements/{requirementId}/{direction}", CITY,
                at -> ids(at.shared().template(), at.shared().requirement(), "down"));
        unscoped("POST /ledger/templates/{id}/requirements/{requirementId}/split", CITY,
                at -> ids(at.shared().template(), at.shared().requirement()));
        unscoped("POST /ledger/templates/{id}/requirements/{requirementId}/merge", CITY,
                at -> ids(at.shared().template(), at.shared().requirement()));
        unscoped("POST /ledger/templates/{id}/key-tasks/{keyTaskId}/requirements", CITY,
                at -> ids(at.shared().template(), at.shared().keyTask()));
        scoped("GET /ledgers/{id}", readers, at -> ids(at.d().ledger()));
        scoped("GET /ledgers/{id}/quality", readers, at -> ids(at.d().ledger()));
        scoped("GET /ledgers/{id}/changes", readers, at -> ids(at.d().ledger()));
        scoped("POST /ledgers/{id}/header", reporter, at -> ids(at.d().ledger()), version());
        scoped("POST /ledgers/{id}/entries/{requirementId}", reporter, at -> ids(at.d().ledger(), at.shared().requirement()), version());
        scoped("POST /ledgers/{id}/entries/{requirementId}" + HTMX, reporter, at -> ids(at.d().ledger(), at.shared().requirement()),
                version());
        scoped("GET /ledgers/{id}/entries/{requirementId}", readers, at -> ids(at.d().ledger(), at.shared().requirement()));
        scoped("POST /ledgers/{id}/entries/{requirementId}/evidence", reporter, at -> ids(at.d().ledger(), at.shared().requirement()));
        scoped("POST /ledgers/{id}/entries/{requirementId}/evidence/{evidenceId}/delete", reporter,
                at -> ids(at.d().ledger(), at.shared().requirement(), at.objects().evidence(at.d().reporter(), at.d().ledger(), at.shared())));
        scoped("GET /ledgers/{id}/entries/{requirementId}/evidence/{evidenceId}", readers,
                at -> ids(at.d().ledger(), at.shared().requirement(), at.d().evidence()));
        scoped("POST /ledgers/{id}/entries/{requirementId}/comments", readers, at -> ids(at.d().ledger(), at.shared().requirement()));
        scoped("POST /ledgers/{id}/{step}", reporter, at -> ids(at.d().ledger(), "submit"), version());
        scoped("POST /ledgers/{id}/contradictions/{fingerprint}/acknowledge", EnumSet.of(DISTRICT_APPROVER),
                at -> ids(at.d().ledger(), "0"), (at, b) -> b.param("note", "已核实"));
    }

    private void document() {
        var readers = EDUCATION;
        scoped("GET /ledgers/{id}/export/docx", readers, at -> ids(at.d().ledger()));
        scoped("GET /ledgers/{id}/export/xlsx", readers, at -> ids(at.d().ledger()));
        scoped("GET /ledgers/{id}/export/blank-docx", readers, at -> ids(at.d().ledger()));
        scoped("GET /ledgers/{id}/print", readers, at -> ids(at.d().ledger()));
        // a superseded copy (the matrix ledger is not signed): downloadable by whoever reads the ledger, like its other files
        scoped("GET /ledgers/{id}/official-copies/{copyId}/{format}", readers, at -> ids(at.d().ledger(), at.objects().officialCopy(at.d()), "ofd"));
        // Whoever reads the ledger reaches its import pages; a file is read only for one who may edit the
        // ledger now, others are told it is not editable (Documents.requireEditable) and nothing changes.
        scoped("GET /ledgers/{id}/import", readers, at -> ids(at.d().ledger()));
        scoped("POST /ledgers/{id}/import", readers, at -> ids(at.d().ledger()));
        scoped("GET /ledgers/{id}/import/preview", readers, at -> ids(at.d().ledger()));
        scoped("POST /ledgers/{id}/import/apply", readers, at -> ids(at.d().ledger()), (at, b) -> b.param("token", "none"));
        scoped("POST /ledgers/{id}/import/discard", readers, at -> ids(at.d().ledger()));
        var city = EnumSet.of(CITY_ADMIN, SUPERVISOR);
        unscoped("GET /ledger/rounds/{id}/export/blank-docx", city, at -> ids(at.shared().round()));
        // The summary workbook is kept per round and reader's unit: its page, the preparation in the background (a second
        // request while one runs starts nothing), and the kept file (before any, a redirect to the page, which is allowed).
        unscoped("GET /ledger/rounds/{id}/summary-workbook", city, at -> ids(at.shared().round()));
        unscoped("POST /ledger/rounds/{id}/summary-workbook", city, at -> ids(at.shared().round()));
        unscoped("GET /ledger/rounds/{id}/export/summary-xlsx", city, at -> ids(at.shared().round()));
        unscoped("GET /ledger/rounds/{id}/requirements/{number}/export/docx", city, at -> ids(at.shared().round(), 1));
    }

    private void whitelist() {
        unscoped("GET /public/whitelist", EVERYONE);
        unscoped("GET /public/whitelist/verify", EVERYONE);
        unscoped("GET /public/whitelist/{code}", EVERYONE, at -> ids(at.shared().publicCode()));
        unscoped("GET /public/reports/new", EVERYONE);
        unscoped("POST /public/reports", EVERYONE);
        // the public report form's school search: the schools of the districts, which the form always offered
        unscoped("GET /public/schools", EVERYONE, none(), (at, b) -> b.param("q", "学校"));
        unscoped("GET /public/reports/status", EVERYONE);
        unscoped("POST /public/reports/status", EVERYONE);
        // electronic seals: the unit's approver asks, a security admin decides (the matrix's request is refused or approved
        // only after its own checks, which answer with the page)
        unscoped("GET /seals", EnumSet.of(DISTRICT_APPROVER, SECURITY_ADMIN));
        unscoped("POST /seals/requests", EnumSet.of(DISTRICT_APPROVER), none(), (at, b) -> b.param("reason", "访问矩阵"));
        scoped("POST /seals/{id}/revocation-requests", EnumSet.of(DISTRICT_APPROVER), at -> ids(at.objects().electronicSeal(at.d())),
                (at, b) -> b.param("reason", "访问矩阵"));
        scoped("POST /seals/requests/{id}/approve", EnumSet.of(SECURITY_ADMIN), at -> ids(at.objects().sealRequest(at.d())));
        scoped("POST /seals/requests/{id}/refuse", EnumSet.of(SECURITY_ADMIN), at -> ids(at.objects().sealRequest(at.d())),
                (at, b) -> b.param("refusalReason", "访问矩阵"));
        // the verification of sealed files, open to anyone; a post without a file is answered with the form
        unscoped("GET /public/seal-verification", EVERYONE);
        unscoped("POST /public/seal-verification", EVERYONE);
        unscoped("GET /public/seal-verification/authority.cer", EVERYONE);
        var readers = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER, SUPERVISOR);
        unscoped("GET /whitelist/applications", readers);
        unscoped("GET /whitelist/applications/new", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER));
        unscoped("POST /whitelist/applications", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER));
        scoped("GET /whitelist/applications/{id}", readers, at -> ids(at.d().application()));
        // The application was returned to its department, which alone may correct and resubmit it.
        scoped("GET /whitelist/applications/{id}/edit", EnumSet.of(DEPARTMENT_USER), at -> ids(at.d().application()));
        scoped("POST /whitelist/applications/{id}", EnumSet.of(DEPARTMENT_USER), at -> ids(at.d().application()), version());
        scoped("POST /whitelist/applications/{id}/review", EnumSet.of(DISTRICT_REPORTER, DISTRICT_APPROVER),
                at -> ids(at.d().application()), (at, b) -> b.param("version", "-1").param("decision", "APPROVE"));
        unscoped("GET /whitelist/settings", CITY);
        unscoped("POST /whitelist/settings", CITY);
        unscoped("GET /whitelist/hosted", EnumSet.of(SCHOOL_USER));
        unscoped("POST /whitelist/hosted", EnumSet.of(SCHOOL_USER));
        var handlers = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER, SUPERVISOR);
        unscoped("GET /whitelist/reports", handlers);
        unscoped("GET /whitelist/reports/new", EnumSet.of(SCHOOL_USER));
        unscoped("POST /whitelist/reports", EnumSet.of(SCHOOL_USER));
        scoped("GET /whitelist/reports/{id}", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER, SUPERVISOR),
                at -> ids(at.d().report()));
        scoped("POST /whitelist/reports/{id}/handling", EnumSet.of(DISTRICT_REPORTER, DISTRICT_APPROVER), at -> ids(at.d().report()),
                version());
    }

    private void collection() {
        var readers = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER, SUPERVISOR);
        var registrants = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DEPARTMENT_USER);
        unscoped("GET /collections", readers);
        unscoped("GET /collections/new", registrants);
        // posted empty: refused as input, nothing registered
        unscoped("POST /collections", registrants);
        // the district's department registered it; its commission arranges it: the city reads every district's
        scoped("GET /collections/{id}", readers, at -> ids(at.d().collection()));
        // still waiting to be prepared, so its department alone may correct it
        scoped("GET /collections/{id}/edit", EnumSet.of(DEPARTMENT_USER), at -> ids(at.d().collection()));
        scoped("POST /collections/{id}", EnumSet.of(DEPARTMENT_USER), at -> ids(at.d().collection()), version());
        // the arranging commission's reporter prepares and maps typed fields, its approver decides; the city arranges only its own
        scoped("POST /collections/{id}/fields/{fieldId}", EnumSet.of(DISTRICT_REPORTER),
                at -> ids(at.d().collection(), at.d().collectionField()), version());
        scoped("POST /collections/{id}/prepare", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().collection()), version());
        scoped("POST /collections/{id}/decide", EnumSet.of(DISTRICT_APPROVER), at -> ids(at.d().collection()),
                (at, b) -> b.param("version", "-1").param("decision", "APPROVE"));
        unscoped("GET /collections/dictionary", readers);
        unscoped("GET /collections/dictionary/new", CITY);
        unscoped("POST /collections/dictionary", CITY);
        unscoped("GET /collections/dictionary/{id}/edit", CITY, at -> ids(at.shared().dictionaryField()));
        unscoped("POST /collections/dictionary/{id}", CITY, at -> ids(at.shared().dictionaryField()), version());
        unscoped("POST /collections/dictionary/{id}/retire", CITY, at -> ids(at.shared().dictionaryField()), version());
        // a school's issued collections; it answers those issued to it, never another district's
        unscoped("GET /collections/school", EnumSet.of(SCHOOL_USER));
        scoped("POST /collections/{id}/answer", EnumSet.of(SCHOOL_USER), at -> ids(at.d().issuedCollection()));
        unscoped("GET /collections/settings", CITY);
        unscoped("POST /collections/settings", CITY);
        // the files: the list's rows; a school's calendar for its own users and the readers above it; a commission's arranged
        // list for its readers and the city's; the pre-filled teacher file for the arranging office and the requester only
        unscoped("GET /collections/export.xlsx", readers);
        scoped("GET /collections/calendar.xlsx", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SUPERVISOR, SCHOOL_USER),
                none(), (at, b) -> b.param("school", Long.toString(at.d().school().id())));
        scoped("GET /collections/arranged.docx", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SUPERVISOR), none(),
                (at, b) -> b.param("unit", Long.toString(at.d().district().id())));
        scoped("GET /collections/{id}/prefilled.xlsx", EnumSet.of(DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER), NOBODY,
                at -> ids(at.d().collection()), (at, b) -> { });
    }

    private void inspection() {
        var year = MatrixObjects.YEAR;
        var drafters = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DEPARTMENT_USER);
        unscoped("GET /inspection", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER, SCHOOL_USER, SUPERVISOR));
        scoped("GET /inspection/plans/{unitId}/{year}", EDUCATION, at -> ids(at.d().district().id(), year));
        scoped("GET /inspection/plans/{unitId}/{year}/plan.{format}", EDUCATION, at -> ids(at.d().district().id(), year, "xlsx"));
        scoped("POST /inspection/plans/{unitId}/{year}/file", EnumSet.of(DISTRICT_APPROVER), at -> ids(at.d().district().id(), year));
        unscoped("GET /inspection/items/new", drafters);
        unscoped("POST /inspection/items", drafters);
        scoped("GET /inspection/items/{id}", EDUCATION, at -> ids(at.d().item()));
        scoped("GET /inspection/items/{id}/edit", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().item()));
        scoped("POST /inspection/items/{id}", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().item()), version());
        scoped("POST /inspection/items/{id}/{step}", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().item(), "submit"), version());
        var cleanupReaders = EDUCATION;
        scoped("GET /inspection/cleanups/{districtId}/{year}", cleanupReaders, at -> ids(at.d().district().id(), year));
        scoped("GET /inspection/cleanups/{districtId}/{year}/retained.{format}", cleanupReaders,
                at -> ids(at.d().district().id(), year, "xlsx"));
        scoped("POST /inspection/cleanups/{districtId}/{year}/items", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().district().id(), year));
        scoped("POST /inspection/cleanups/{districtId}/{year}/import", EnumSet.of(DISTRICT_REPORTER),
                at -> ids(at.d().district().id(), year));
        scoped("POST /inspection/cleanups/{districtId}/{year}/approve", EnumSet.of(DISTRICT_APPROVER),
                at -> ids(at.d().district().id(), year));
        scoped("POST /inspection/cleanups/{districtId}/{year}/file", EnumSet.of(DISTRICT_APPROVER), at -> ids(at.d().district().id(), year));
        scoped("POST /inspection/baseline/{itemId}/mark", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().baselineItem()),
                (at, b) -> b.param("version", "-1").param("outcome", "RETAINED").param("districtId", "" + at.d().district().id())
                        .param("year", "" + year));
        scoped("POST /inspection/baseline/{itemId}/delete", EnumSet.of(DISTRICT_REPORTER), at -> ids(at.d().baselineItem()),
                (at, b) -> b.param("version", "-1").param("districtId", "" + at.d().district().id()).param("year", "" + year));
        unscoped("GET /inspection/rules", EDUCATION);
        unscoped("POST /inspection/rules/sets", CITY);
        unscoped("POST /inspection/rules/sets/{id}/years", CITY, at -> ids(at.shared().ruleSet()), (at, b) -> b.param("version", "-1")
                .param("firstYear", "2090"));
        unscoped("POST /inspection/rules/sets/{id}/rules", CITY, at -> ids(at.shared().ruleSet()));
        unscoped("POST /inspection/rules/{ruleId}/delete", CITY, at -> ids(at.objects().rule(at.shared())));
        unscoped("POST /inspection/rules/terms", CITY);
        scoped("GET /inspection/visits", EDUCATION, none(), (at, b) -> b.param("unit", "" + at.d().district().id()));
        var recorders = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DEPARTMENT_USER, SCHOOL_USER);
        unscoped("GET /inspection/visits/new", recorders);
        unscoped("POST /inspection/visits", recorders);
        scoped("GET /inspection/schools/{schoolId}/calendar", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER,
                SUPERVISOR), at -> ids(at.d().school().id()));
    }

    private void roster() {
        // the commissions and the supervision office read their subtree's teachers, a school its own; departments none
        var readers = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER);
        var importers = EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, DISTRICT_APPROVER);
        scoped("GET /roster", readers, none(), (at, b) -> b.param("school", "" + at.d().school().id()));
        scoped("GET /roster/teachers/{id}", readers, at -> ids(at.d().teacher()));
        unscoped("GET /roster/import", importers);
        unscoped("GET /roster/template.csv", importers);
        // no file: an allowed importer is told to choose one; another district's is not found
        scoped("POST /roster/import", importers, none(), (at, b) -> b.param("districtId", "" + at.d().district().id()));
        scoped("GET /roster/imports/{id}", importers, at -> ids(at.d().rosterImport()));
        scoped("POST /roster/imports/{id}/apply", importers, at -> ids(at.d().rosterImport()), (at, b) -> b.param("token", "none"));
        scoped("POST /roster/imports/{id}/discard", importers, at -> ids(at.d().rosterImport()));
    }

    private void staffing() {
        // a district's reporter records, its approver extends and files the cleanup; schools read their own teachers'
        var readers = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER);
        var reporter = EnumSet.of(DISTRICT_REPORTER);
        var approver = EnumSet.of(DISTRICT_APPROVER);
        scoped("GET /staffing/secondments", readers, none(), (at, b) -> b.param("district", "" + at.d().district().id()));
        scoped("GET /staffing/secondments/export.{format}", readers, at -> ids("docx"), (at, b) -> b.param("district", "" + at.d().district().id()));
        unscoped("GET /staffing/secondments/new", reporter);
        // an empty form: answered on the form with what is missing
        unscoped("POST /staffing/secondments", reporter);
        scoped("GET /staffing/secondments/{id}", readers, at -> ids(at.d().secondment()));
        scoped("GET /staffing/secondments/{id}/edit", reporter, at -> ids(at.d().secondment()));
        scoped("POST /staffing/secondments/{id}", reporter, at -> ids(at.d().secondment()), version());
        scoped("POST /staffing/secondments/{id}/extend", approver, at -> ids(at.d().secondment()), version());
        scoped("POST /staffing/secondments/{id}/end", reporter, at -> ids(at.d().secondment()), version());
        scoped("GET /staffing/cleanups/{districtId}", EDUCATION, at -> ids(at.d().district().id()));
        scoped("GET /staffing/cleanups/{districtId}/result.{format}", EDUCATION, at -> ids(at.d().district().id(), "docx"));
        scoped("POST /staffing/cleanups/{districtId}/start", reporter, at -> ids(at.d().district().id()));
        scoped("POST /staffing/cleanups/{districtId}/existing", reporter, at -> ids(at.d().district().id()));
        scoped("POST /staffing/cleanups/secondments/{id}/mark", reporter, at -> ids(at.d().secondment()), version());
        scoped("POST /staffing/cleanups/{districtId}/file", approver, at -> ids(at.d().district().id()));
        // the city's view of every district (a district's supervisor reads its own district's list instead)
        unscoped("GET /staffing/overdue", CITY);
        unscoped("GET /staffing/settings", CITY);
        unscoped("POST /staffing/settings", CITY, none(), version());
        // aid dispatches: the commissions read, the district's reporter sets tasks and sends teachers
        scoped("GET /staffing/dispatches", EDUCATION, none(), (at, b) -> b.param("district", "" + at.d().district().id()));
        scoped("GET /staffing/dispatches/export.xlsx", EDUCATION, none(), (at, b) -> b.param("district", "" + at.d().district().id()));
        unscoped("GET /staffing/dispatches/tasks/new", reporter);
        unscoped("POST /staffing/dispatches/tasks", reporter);
        scoped("GET /staffing/dispatches/tasks/{id}", EDUCATION, at -> ids(at.d().aidTask()));
        scoped("POST /staffing/dispatches/tasks/{id}/teachers", reporter, at -> ids(at.d().aidTask()));
        scoped("POST /staffing/dispatches/{id}/return", reporter, at -> ids(at.d().aidDispatch()), version());
        // trainings: a department's user records and reads its own, the district's approver decides
        var trainingReaders = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER);
        var trainingRecorders = EnumSet.of(DISTRICT_REPORTER, DEPARTMENT_USER);
        scoped("GET /staffing/trainings", trainingReaders, none(), (at, b) -> b.param("district", "" + at.d().district().id()));
        scoped("GET /staffing/trainings/export.xlsx", trainingReaders, none(), (at, b) -> b.param("district", "" + at.d().district().id()));
        unscoped("GET /staffing/trainings/new", trainingRecorders);
        unscoped("POST /staffing/trainings", trainingRecorders);
        scoped("GET /staffing/trainings/{id}", trainingReaders, at -> ids(at.d().training()));
        scoped("POST /staffing/trainings/{id}/decide", approver, at -> ids(at.d().training()), version());
        scoped("GET /staffing/trainings/hours", EDUCATION, none(), (at, b) -> b.param("district", "" + at.d().district().id()));
        // attendance: the district's reporter imports; a preview with a problem row, so that applying changes nothing
        unscoped("GET /staffing/attendance", reporter);
        unscoped("POST /staffing/attendance", reporter);
        scoped("GET /staffing/attendance/{id}", EDUCATION, at -> ids(at.d().attendanceImport()));
        scoped("POST /staffing/attendance/{id}/apply", reporter, at -> ids(at.d().attendanceImport()));
    }

    private void duties() {
        // a school records its own teachers' duties and lessons; commissions and the supervision office read their schools'
        var readers = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER);
        var school = EnumSet.of(SCHOOL_USER);
        BiConsumer<At, MockHttpServletRequestBuilder> district = (at, b) -> b.param("district", "" + at.d().district().id());
        scoped("GET /duties", readers, none(), district);
        unscoped("GET /duties/new", school);
        // an empty form: answered on the form with what is missing
        unscoped("POST /duties", school);
        scoped("GET /duties/{id}", readers, at -> ids(at.objects().duty(at.d())));
        scoped("POST /duties/{id}/end", school, at -> ids(at.objects().duty(at.d())), version());
        scoped("GET /duties/workload", readers, none(), district);
        unscoped("POST /duties/workload", school);
        scoped("GET /duties/competitions", readers, none(), district);
        // the school for its own teachers, the district's reporter for one of its schools (none chosen: told to choose)
        unscoped("POST /duties/competitions", EnumSet.of(SCHOOL_USER, DISTRICT_REPORTER));
        scoped("GET /duties/export.xlsx", readers, none(), district);
        // the duty types and workload standards are the city's
        unscoped("GET /duties/settings", CITY);
        unscoped("POST /duties/settings/types", CITY);
        unscoped("POST /duties/settings/types/{id}", CITY, at -> ids(at.objects().jdbc.sql("select min(id) from duty_type")
                .query(Long.class).single()), version());
        unscoped("POST /duties/settings/standards", CITY);
        unscoped("POST /duties/settings/standards/{id}/delete", CITY, at -> ids(at.objects().jdbc.sql(
                "select min(id) from duty_workload_standard").query(Long.class).single()), version());
    }

    private void exams() {
        // a department files its plans with its commission and reads its own; the commission it filed with arranges them and
        // adds sessions; commissions and the supervision office read their area (the city all)
        var readers = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER, DEPARTMENT_USER);
        var arrangers = EnumSet.of(DISTRICT_REPORTER, DISTRICT_APPROVER);
        var keepers = EnumSet.of(DISTRICT_REPORTER, CITY_ADMIN);
        BiConsumer<At, MockHttpServletRequestBuilder> district = (at, b) -> b.param("district", "" + at.d().district().id());
        unscoped("GET /exams", readers);
        unscoped("GET /exams/plans/new", EnumSet.of(DEPARTMENT_USER));
        // an empty form: answered with what is missing
        unscoped("POST /exams/plans", EnumSet.of(DEPARTMENT_USER));
        scoped("GET /exams/plans/{id}", readers, at -> ids(at.objects().examPlan(at.d())));
        // the plan is arranged already (answered so) and the empty session form is answered with what is missing
        scoped("POST /exams/plans/{id}/decide", arrangers, NOBODY, at -> ids(at.objects().examPlan(at.d())), version());
        scoped("POST /exams/plans/{id}/sessions", arrangers, NOBODY, at -> ids(at.objects().examPlan(at.d())), (at, b) -> { });
        scoped("GET /exams/spread", EDUCATION, none(), district);
        // the matrix's year has no sessions: answered so, nothing allocated
        scoped("POST /exams/proposals", keepers, none(), (at, b) -> b.param("district", "" + at.d().district().id())
                .param("year", "" + MatrixObjects.YEAR));
        scoped("POST /exams/proposals/{id}/accept", EnumSet.of(DISTRICT_APPROVER, CITY_ADMIN), at -> ids(at.objects().examProposal(at.d())),
                version());
        scoped("POST /exams/exemptions", keepers, none(), district);
        scoped("GET /exams/imports", EDUCATION, none(), district);
        // no file: refused at the door with its message
        scoped("POST /exams/imports", keepers, none(), district);
    }

    private void supervisionBoard() {
        // the city's board, indicators, thresholds and export are the city's (its admin and supervision office); a district's
        // staff are sent from the board to their own district's page, and see no other district's
        unscoped("GET /supervision", EDUCATION);
        scoped("GET /supervision/districts/{id}", EDUCATION, at -> ids(at.d().district().id()));
        unscoped("GET /supervision/indicators", CITY);
        unscoped("GET /supervision/indicators/{code}", CITY, at -> ids("WL-APPROVED"));
        unscoped("POST /supervision/indicators/{code}/threshold", CITY, at -> ids("WL-APPROVED"), version());
        unscoped("POST /supervision/recompute", CITY);
        unscoped("GET /supervision/board.xlsx", CITY);
    }

    private void supervisionVisits() {
        // the city's supervision office (its supervisors and the city admin) plans, records and verifies; a district's commission
        // and supervisor read the visits covering it and their own findings; its reporter reports the rectification
        var readers = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER);
        var reporter = EnumSet.of(DISTRICT_REPORTER);
        BiConsumer<At, MockHttpServletRequestBuilder> district = (at, b) -> b.param("district", "" + at.d().district().id());
        scoped("GET /supervision/visits", readers, none(), district);
        unscoped("GET /supervision/visits/new", CITY);
        // an empty form: answered on the form with what is missing
        unscoped("POST /supervision/visits", CITY);
        // the visit covers both districts: each district reads it (with its own findings only)
        unscoped("GET /supervision/visits/{id}", readers, at -> ids(at.objects().supervisionVisit()));
        unscoped("GET /supervision/visits/{id}/findings/new", CITY, at -> ids(at.objects().supervisionVisit()));
        unscoped("POST /supervision/visits/{id}/findings", CITY, at -> ids(at.objects().supervisionVisit()));
        scoped("GET /supervision/findings", readers, none(), district);
        scoped("GET /supervision/findings/{id}", readers, at -> ids(at.objects().supervisionFinding(at.d()).id()));
        scoped("GET /supervision/findings/{id}/files/{fileId}", readers,
                at -> ids(at.objects().supervisionFinding(at.d()).id(), at.objects().supervisionFile(at.d())));
        scoped("POST /supervision/findings/{id}/progress", reporter, at -> ids(at.objects().supervisionFinding(at.d()).id()), version());
        scoped("POST /supervision/findings/{id}/closure", reporter, at -> ids(at.objects().supervisionFinding(at.d()).id()), version());
        scoped("POST /supervision/findings/{id}/verify", CITY, at -> ids(at.objects().supervisionFinding(at.d()).id()), version());
        scoped("POST /supervision/findings/{id}/reopen", CITY, at -> ids(at.objects().supervisionFinding(at.d()).id()), version());
        // accountability: the city's supervision office and admin only, never a district (its supervisor included)
        unscoped("GET /supervision/accountability", CITY);
        // an empty form: refused with what is missing, nothing recorded
        scoped("POST /supervision/findings/{id}/accountability", CITY, at -> ids(at.objects().supervisionFinding(at.d()).id()));
        scoped("GET /supervision/districts/{id}/report.docx", readers, at -> ids(at.d().district().id()));
    }

    private void survey() {
        // the city admin defines waves; a school hands out its own link and codes (so may its district's reporter and the city
        // admin); results are read by the commissions and the supervision office of their own scope, never by a school
        var readers = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER, SCHOOL_USER);
        var resultReaders = EnumSet.of(CITY_ADMIN, SUPERVISOR, DISTRICT_REPORTER, DISTRICT_APPROVER);
        Function<At, Object[]> wave = at -> ids(at.objects().surveyWave());
        BiConsumer<At, MockHttpServletRequestBuilder> district = (at, b) -> b.param("district", "" + at.d().district().id());
        unscoped("GET /survey", readers);
        // an empty form: refused with what is missing
        unscoped("POST /survey/waves", CITY);
        unscoped("GET /survey/waves/{id}", readers, wave);
        // the wave is open: its questions no longer change (told so, nothing changed)
        unscoped("POST /survey/waves/{id}/questions", CITY, wave);
        unscoped("POST /survey/waves/{id}/questions/{questionId}/delete", CITY, at -> ids(at.objects().surveyWave(), at.objects().surveyQuestion()));
        unscoped("POST /survey/waves/{id}/open", CITY, wave, version());
        unscoped("POST /survey/waves/{id}/close", CITY, wave, version());
        scoped("GET /survey/waves/{id}/schools/{schoolId}", readers, at -> ids(at.objects().surveyWave(), at.d().school().id()));
        // no number given: told to give one, no code made
        scoped("POST /survey/waves/{id}/schools/{schoolId}/codes", EnumSet.of(CITY_ADMIN, DISTRICT_REPORTER, SCHOOL_USER),
                at -> ids(at.objects().surveyWave(), at.d().school().id()));
        scoped("GET /survey/waves/{id}/results", resultReaders, wave, district);
        scoped("GET /survey/waves/{id}/results.csv", resultReaders, wave, district);
        unscoped("GET /survey/settings", CITY);
        unscoped("POST /survey/settings", CITY, none(), version());
        // teachers answer without an account; without a code the form is shown again with the reason
        unscoped("GET /public/survey/{token}", EVERYONE, at -> ids(at.objects().surveyToken()));
        unscoped("POST /public/survey/{token}", EVERYONE, at -> ids(at.objects().surveyToken()));
    }

    private void evaluation() {
        // districts register the indicator sets they evaluate schools by; the commissions and the supervision office read
        // their scope's; the city admin keeps the phrase list and the limits
        var reporter = EnumSet.of(DISTRICT_REPORTER);
        Function<At, Object[]> set = at -> ids(at.objects().evaluationSet(at.d()));
        BiConsumer<At, MockHttpServletRequestBuilder> district = (at, b) -> b.param("district", "" + at.d().district().id());
        scoped("GET /evaluation", EDUCATION, none(), district);
        unscoped("GET /evaluation/new", reporter);
        unscoped("POST /evaluation", reporter);
        scoped("GET /evaluation/{id}", EDUCATION, set);
        scoped("GET /evaluation/{id}/edit", reporter, set);
        // an empty form: answered on the form with what is missing
        scoped("POST /evaluation/{id}", reporter, set, version());
        unscoped("GET /evaluation/settings", CITY);
        unscoped("POST /evaluation/settings", CITY, none(), version());
        unscoped("POST /evaluation/settings/phrases", CITY);
        unscoped("POST /evaluation/settings/phrases/{id}/delete", CITY, at -> ids(at.objects().evaluationPhrase()));
    }

    private void practice() {
        // districts write and submit good-practice cases; the city admin reviews; the public reads the published ones
        var reporter = EnumSet.of(DISTRICT_REPORTER);
        Function<At, Object[]> submitted = at -> ids(at.objects().practiceCase(at.d()));
        BiConsumer<At, MockHttpServletRequestBuilder> district = (at, b) -> b.param("district", "" + at.d().district().id());
        scoped("GET /practice", EDUCATION, none(), district);
        unscoped("GET /practice/new", reporter);
        unscoped("POST /practice", reporter);
        scoped("GET /practice/{id}", EDUCATION, submitted);
        scoped("GET /practice/{id}/edit", reporter, submitted);
        // the case is submitted: its district is told it can no longer change it
        scoped("POST /practice/{id}", reporter, submitted, version());
        scoped("POST /practice/{id}/submit", reporter, submitted, version());
        scoped("POST /practice/{id}/publish", CITY, submitted, version());
        scoped("POST /practice/{id}/return", CITY, submitted, version());
        unscoped("GET /public/practice", EVERYONE);
        unscoped("GET /public/practice/{id}", EVERYONE, at -> ids(at.objects().publishedCase()));
    }

    // --- how rows are written

    private static Object[] ids(Object... values) {
        return values;
    }

    private static Function<At, Object[]> none() {
        return at -> new Object[0];
    }

    /** A version no object has: an allowed change is answered as a conflict and changes nothing. */
    private static BiConsumer<At, MockHttpServletRequestBuilder> version() {
        return (at, b) -> b.param("version", "-1");
    }

    private void unscoped(String route, Set<Who> allowed) {
        unscoped(route, allowed, none());
    }

    private void unscoped(String route, Set<Who> allowed, Function<At, Object[]> variables) {
        unscoped(route, allowed, variables, (at, b) -> { });
    }

    private void unscoped(String route, Set<Who> allowed, Function<At, Object[]> variables, BiConsumer<At, MockHttpServletRequestBuilder> parameters) {
        add(route, allowed, null, variables, parameters);
    }

    /** A route on a district's object: allowed on one's own district for these roles, on another only for the city admin. */
    private void scoped(String route, Set<Who> allowed, Function<At, Object[]> variables) {
        scoped(route, allowed, variables, (at, b) -> { });
    }

    private void scoped(String route, Set<Who> allowed, Function<At, Object[]> variables, BiConsumer<At, MockHttpServletRequestBuilder> parameters) {
        var other = EnumSet.noneOf(Who.class);
        other.addAll(allowed);
        other.retainAll(CITY);
        add(route, allowed, other, variables, parameters);
    }

    /** A route on a district's object with its own rule for the other district. */
    private void scoped(String route, Set<Who> own, Set<Who> other, Function<At, Object[]> variables,
            BiConsumer<At, MockHttpServletRequestBuilder> parameters) {
        add(route, own, other, variables, parameters);
    }

    private void add(String route, Set<Who> own, Set<Who> other, Function<At, Object[]> variables,
            BiConsumer<At, MockHttpServletRequestBuilder> parameters) {
        var htmx = route.endsWith(HTMX);
        var space = route.indexOf(' ');
        var pattern = route.substring(space + 1, htmx ? route.length() - HTMX.length() : route.length());
        var previous = rows.put(route, new Row(HttpMethod.valueOf(route.substring(0, space)), pattern, htmx, own, other, variables,
                parameters));
        if (previous != null) {
            throw new IllegalStateException("two rows for " + route);
        }
    }
}
