package org.jianfu.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.account.AccountPrincipal;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A round's summary workbook as a city reader gets it: prepared by the button on its page, waited for (it is prepared in
 * the background), then downloaded. For the tests of every package that read the workbook.
 */
public final class SummaryWorkbookDownloads {

    private SummaryWorkbookDownloads() {
    }

    /** Clicks the page's button as this reader and waits until the preparation has finished. */
    public static void prepare(MockMvc mvc, ApplicationContext context, AccountPrincipal reader, long roundId) throws Exception {
        mvc.perform(post("/ledger/rounds/{id}/summary-workbook", roundId).with(user(reader)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/ledger/rounds/" + roundId + "/summary-workbook"));
        awaitIdle(context);
    }

    /** Waits until every preparation handed over so far has finished. */
    public static void awaitIdle(ApplicationContext context) throws InterruptedException {
        context.getBean(SummaryWorkbooks.class).awaitIdle();
    }

    /** Prepares the workbook as this reader and downloads it. */
    public static byte[] prepareAndDownload(MockMvc mvc, ApplicationContext context, AccountPrincipal reader, long roundId)
            throws Exception {
        prepare(mvc, context, reader, roundId);
        return mvc.perform(get("/ledger/rounds/{id}/export/summary-xlsx", roundId).with(user(reader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
