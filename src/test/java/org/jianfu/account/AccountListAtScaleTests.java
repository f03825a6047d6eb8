package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The system admin's account list names the units of the accounts it shows, read by id, not the admin's whole unit
 * subtree (a country's 206,097 units, read for a list of at most 500 accounts: 20–28 s at national size).
 */
@JianfuIntegrationTest
class AccountListAtScaleTests {

    @Autowired UserDetailsService userDetails;
    @Autowired MockMvc mvc;

    @Test
    void theAccountListReadsOnlyTheUnitsOfTheAccountsItShows() throws Exception {
        var model = mvc.perform(get("/admin/accounts").param("text", "haidian").with(user(userDetails.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        @SuppressWarnings("unchecked")
        var shown = (List<Account>) model.get("accounts");
        @SuppressWarnings("unchecked")
        var named = (Map<Long, ?>) model.get("unitsById");
        assertThat(shown).isNotEmpty().allSatisfy(a -> assertThat(a.username()).contains("haidian"));
        assertThat(named.keySet()).as("the units named").containsExactlyInAnyOrderElementsOf(
                shown.stream().map(Account::unitId).distinct().toList());
    }
}
