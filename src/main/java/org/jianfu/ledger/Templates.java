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

    Templates(TemplateRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** The template as stored in the project's data file. */
    record TemplateData(int year, String title, List<MatterData> matters) {
        record MatterData(String name, List<KeyTaskData> keyTasks) {
        }

        record KeyTaskData(String name, List<RequirementData> requirements) {
        }

        record RequirementData(int number, String text) {
        }
    }

    /** Loads the 2021 template unless a template of that year exists already. */
    @Transactional
    public void loadShippedTemplates() {
        TemplateData data;
        try (var in = new ClassPathResource(TEMPLATE_2021).getInputStream()) {
            data = json.readValue(in, TemplateData.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (repository.exists(data.year())) {
            return;
        }
        var templateId = repository.insertTemplate(data.year(), data.title(), 1, clock.instant());
        int m = 0;
        for (var matter : data.matters()) {
            var matterId = repository.insertMatter(templateId, ++m, matter.name());
            int k = 0;
            for (var task : matter.keyTasks()) {
                var taskId = repository.insertKeyTask(matterId, ++k, task.name());
                for (var requirement : task.requirements()) {
                    repository.insertRequirement(templateId, taskId, requirement.number(), requirement.text());
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public LedgerTemplate get(long id) {
        return repository.find(id).orElseThrow(() -> new LedgerNotFoundException("template " + id));
    }

    @Transactional(readOnly = true)
    List<TemplateRepository.TemplateSummary> list() {
        return repository.list();
    }
}
