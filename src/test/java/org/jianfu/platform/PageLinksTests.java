package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * A page's links are written as the templates give them, not looked up as static resources: with springdoc's WebJars locator
 * on the class path Spring Boot turned the resource chain on, and every link of every page, a link to a page included (which
 * is never cached, as no resource answers it), was searched for in the jar: about 8 ms of CPU for a small public page.
 */
@JianfuIntegrationTest
class PageLinksTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @Test
    void noLinkIsLookedUpAsAStaticResourceWhileTheStaticFilesAndWebJarsAreStillServed() throws Exception {
        // the filter that sends every link through the resource chain (ResourceUrlProvider) is not there
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values()).extracting(FilterRegistrationBean::getFilter)
                .noneMatch(ResourceUrlEncodingFilter.class::isInstance);
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).andExpect(status().isOk());
        var login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("href=\"/css/app.css\"");
    }
}
