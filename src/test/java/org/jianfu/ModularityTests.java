package org.jianfu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: each top-level package is a module, and modules only use each other's API. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(JianfuApplication.class);

    @Test
    void modulesUseOnlyEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void moduleDocumentationIsWrittenToDocsModules() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
