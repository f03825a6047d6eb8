package org.jianfu.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The ledger templates. The 2021 ledger ships with the application as data and is loaded once. */
@Service
public class Templates {

    static final String TEMPLATE_2021 = "ledger/template-2021.json";

    private final TemplateRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Templates(TemplateRepository repository, JsonMapper json, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** The template as stored in the project's data file. */
    record TemplateData(int year, String title, List<MatterData> matters) {
        record MatterData(String name, List<KeyTaskData> keyTasks) {
        }

        record KeyTaskData(String name, List<RequirementData> requirements) {
        }

        /** A requirement with its stable code and, after a split or merge, the codes it takes the place of. */
        record RequirementData(int number, String code, String text, List<String> origins) {
            RequirementData {
                origins = origins == null ? List.of() : origins;
            }
        }
    }

    /** Loads the 2021 template unless a template of that year exists already. */
    @Transactional
    public void loadShippedTemplates() {
        var data = shipped2021Data(json);
        if (repository.exists(data.year())) {
            return;
        }
        insertStructure(repository.insertTemplate(data.year(), data.title(), 1, clock.instant()), data.matters());
    }

    /** Reads the shipped 2021 template's data file (the requirements with their codes). */
    private static TemplateData shipped2021Data(JsonMapper json) {
        try (var in = new ClassPathResource(TEMPLATE_2021).getInputStream()) {
            return json.readValue(in, TemplateData.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes matters, key tasks and requirements under a template, in the order given. */
    private void insertStructure(long templateId, List<TemplateData.MatterData> matters) {
        int m = 0;
        for (var matter : matters) {
            var matterId = repository.insertMatter(templateId, ++m, matter.name());
            int k = 0;
            for (var task : matter.keyTasks()) {
                var taskId = repository.insertKeyTask(matterId, ++k, task.name());
                for (var requirement : task.requirements()) {
                    repository.insertRequirement(templateId, taskId, requirement.number(), requirement.code(), requirement.text(),
                            requirement.origins());
                }
            }
        }
    }

    /** A stored template's structure in the shape of the data file, so a copy is written like a load. */
    private static List<TemplateData.MatterData> structureOf(LedgerTemplate template) {
        return template.matters().stream()
                .map(m -> new TemplateData.MatterData(m.name(), m.keyTasks().stream()
                        .map(k -> new TemplateData.KeyTaskData(k.name(), k.requirements().stream()
                                .map(r -> new TemplateData.RequirementData(r.number(), r.code(), r.text(), r.origins()))
                                .toList()))
                        .toList()))
                .toList();
    }

    /**
     * Starts a new version for another year as a copy of an existing template. The copy can be edited
     * until a round uses it; the original never changes.
     */
    @Transactional
    public long copy(org.jianfu.account.AccountPrincipal me, long sourceId, int year, String title) {
        requireCityAdmin(me);
        var source = get(sourceId);
        var id = repository.insertTemplate(year, title.strip(), repository.nextVersion(year), clock.instant());
        repository.markBasedOn(id, sourceId);
        insertStructure(id, structureOf(source));
        events.publishEvent(new TemplateChanged("ledger.template-copied", id, null,
                java.util.Map.of("basedOn", sourceId, "year", year, "title", title.strip())));
        return id;
    }

    /** Whether the template may still be edited: no round has used it. */
    @Transactional(readOnly = true)
    public boolean editable(long templateId) {
        return !repository.usedByRound(templateId);
    }

    @Transactional
    public void reword(org.jianfu.account.AccountPrincipal me, long templateId, long requirementId, String text) {
        var template = editableTemplate(me, templateId);
        var before = requirement(template, requirementId);
        var clean = requirementText(text);
        repository.updateRequirementText(templateId, requirementId, clean);
        events.publishEvent(new TemplateChanged("ledger.template-requirement-reworded", templateId,
                java.util.Map.of("number", before.number(), "code", before.code(), "text", before.text()),
                java.util.Map.of("number", before.number(), "code", before.code(), "text", clean)));
    }

    @Transactional
    public void remove(org.jianfu.account.AccountPrincipal me, long templateId, long requirementId) {
        var template = editableTemplate(me, templateId);
        var before = requirement(template, requirementId);
        var task = template.rows().stream().filter(r -> r.requirement().id() == requirementId).findFirst().orElseThrow().keyTask();
        if (task.requirements().size() == 1) {
            throw new org.jianfu.platform.RuleViolation(null, "ledger.template.error.last-in-task");
        }
        repository.deleteRequirement(templateId, requirementId);
        renumber(templateId);
        events.publishEvent(new TemplateChanged("ledger.template-requirement-removed", templateId,
                java.util.Map.of("number", before.number(), "code", before.code(), "text", before.text()), null));
    }

    @Transactional
    public void add(org.jianfu.account.AccountPrincipal me, long templateId, long keyTaskId, String text) {
        var template = editableTemplate(me, templateId);
        if (template.matters().stream().flatMap(m -> m.keyTasks().stream()).noneMatch(k -> k.id() == keyTaskId)) {
            throw new LedgerNotFoundException("key task " + keyTaskId);
        }
        var clean = requirementText(text);
        var code = repository.newCode(template.year());
        repository.appendRequirement(templateId, keyTaskId, code, clean);
        renumber(templateId);
        events.publishEvent(new TemplateChanged("ledger.template-requirement-added", templateId, null,
                java.util.Map.of("keyTaskId", keyTaskId, "code", code, "text", clean)));
    }

    /**
     * Splits a requirement: the part given becomes a new requirement right after it, with a new code that
     * records the original's code as its origin. The original keeps its code (reword it to what remains).
     */
    @Transactional
    public void split(org.jianfu.account.AccountPrincipal me, long templateId, long requirementId, String text) {
        var template = editableTemplate(me, templateId);
        var original = requirement(template, requirementId);
        var clean = requirementText(text);
        var task = template.rows().stream().filter(r -> r.requirement().id() == requirementId).findFirst().orElseThrow().keyTask();
        var code = repository.newCode(template.year());
        var added = repository.appendRequirement(templateId, task.id(), code, clean);
        repository.addOrigins(added, List.of(original.code()));
        var order = new java.util.ArrayList<>(template.requirements().stream().map(LedgerTemplate.Requirement::id).toList());
        order.add(order.indexOf(requirementId) + 1, added);
        repository.renumber(templateId, order);
        events.publishEvent(new TemplateChanged("ledger.template-requirement-split", templateId,
                java.util.Map.of("number", original.number(), "code", original.code()),
                java.util.Map.of("code", code, "origin", original.code(), "text", clean)));
    }

    /**
     * Merges another requirement into this one: its text is appended, its code (and its own origins) are
     * recorded as origins of this one, and it is removed. Figures and answers under either code then
     * attach here.
     */
    @Transactional
    public void merge(org.jianfu.account.AccountPrincipal me, long templateId, long requirementId, long otherId) {
        var template = editableTemplate(me, templateId);
        var kept = requirement(template, requirementId);
        var merged = requirement(template, otherId);
        if (kept.id() == merged.id()) {
            throw new org.jianfu.platform.RuleViolation(null, "ledger.template.error.merge-self");
        }
        var task = template.rows().stream().filter(r -> r.requirement().id() == otherId).findFirst().orElseThrow().keyTask();
        if (task.requirements().size() == 1) {
            throw new org.jianfu.platform.RuleViolation(null, "ledger.template.error.last-in-task");
        }
        var text = kept.text() + (kept.text().matches(".*[。；;.]$") ? "" : "；") + merged.text();
        requirementText(text);
        var origins = new java.util.ArrayList<String>();
        origins.add(merged.code());
        origins.addAll(merged.origins());
        repository.updateRequirementText(templateId, requirementId, text);
        repository.addOrigins(requirementId, origins);
        repository.deleteRequirement(templateId, otherId);
        renumber(templateId);
        events.publishEvent(new TemplateChanged("ledger.template-requirement-merged", templateId,
                java.util.Map.of("code", kept.code(), "text", kept.text(), "mergedCode", merged.code(), "mergedText", merged.text()),
                java.util.Map.of("code", kept.code(), "text", text, "origins", origins)));
    }

    /** Moves a requirement one place up or down within its key task. */
    @Transactional
    public void move(org.jianfu.account.AccountPrincipal me, long templateId, long requirementId, boolean up) {
        var template = editableTemplate(me, templateId);
        var order = new java.util.ArrayList<>(template.requirements().stream().map(LedgerTemplate.Requirement::id).toList());
        var task = template.rows().stream().filter(r -> r.requirement().id() == requirementId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("requirement " + requirementId)).keyTask();
        var siblings = task.requirements().stream().map(LedgerTemplate.Requirement::id).toList();
        var at = siblings.indexOf(requirementId);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= siblings.size()) {
            return;
        }
        java.util.Collections.swap(order, order.indexOf(requirementId), order.indexOf(siblings.get(to)));
        repository.renumber(templateId, order);
        events.publishEvent(new TemplateChanged("ledger.template-requirement-moved", templateId,
                java.util.Map.of("requirementId", requirementId), java.util.Map.of("direction", up ? "up" : "down")));
    }

    /** A requirement's wording as given, stripped; refused when empty or longer than 2000 characters. */
    private static String requirementText(String text) {
        var clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 2000) {
            throw new org.jianfu.platform.RuleViolation("text", "ledger.template.error.text");
        }
        return clean;
    }

    private void renumber(long templateId) {
        repository.renumber(templateId, get(templateId).requirements().stream().map(LedgerTemplate.Requirement::id).toList());
    }

    private LedgerTemplate editableTemplate(org.jianfu.account.AccountPrincipal me, long templateId) {
        requireCityAdmin(me);
        var template = get(templateId);
        if (!editable(templateId)) {
            throw new org.jianfu.platform.RuleViolation(null, "ledger.template.error.in-use");
        }
        return template;
    }

    private static LedgerTemplate.Requirement requirement(LedgerTemplate template, long requirementId) {
        return template.requirements().stream().filter(r -> r.id() == requirementId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("requirement " + requirementId));
    }

    /** The ledger module's one check for pages and changes that belong to the city admin alone. */
    static void requireCityAdmin(org.jianfu.account.AccountPrincipal me) {
        if (me.role() != org.jianfu.account.Role.CITY_ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("city admin only");
        }
    }

    record TemplateChanged(String action, long templateId, Object before, Object after)
            implements org.jianfu.audit.AuditableEvent {
        TemplateChanged {
            org.jianfu.audit.AuditableEvent.listed(action, actions());
        }

        static java.util.Set<String> actions() {
            return java.util.Set.of("ledger.template-copied", "ledger.template-requirement-reworded",
                    "ledger.template-requirement-removed", "ledger.template-requirement-added",
                    "ledger.template-requirement-moved", "ledger.template-requirement-split",
                    "ledger.template-requirement-merged");
        }

        public String objectType() { return "ledger-template"; }
        public String objectId() { return Long.toString(templateId); }
    }

    @Transactional(readOnly = true)
    public LedgerTemplate get(long id) {
        return repository.find(id).orElseThrow(() -> new LedgerNotFoundException("template " + id));
    }

    /** The id of the shipped 2021 template (version 1). */
    @Transactional(readOnly = true)
    public long shipped2021() {
        return repository.list().stream().filter(t -> t.year() == 2021 && t.version() == 1).findFirst().orElseThrow().id();
    }

    @Transactional(readOnly = true)
    List<TemplateRepository.TemplateSummary> list() {
        return repository.list();
    }
}
