package org.jianfu.whitelist;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListPage;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications a person may read, a page at a time with their counts by state: a country holds tens of thousands,
 * and the city's list reads only the page it shows. (The published whitelist's pages are read by {@link Whitelist#published}.)
 */
@Service
class Applications {

    private final WhitelistRepository repository;
    private final Units units;

    Applications(WhitelistRepository repository, Units units) {
        this.repository = repository;
        this.units = units;
    }

    /**
     * A page of the applications this person may read: those filed from or with a unit of their subtree; with a reviewing
     * unit, only those filed with it, which must be in the reader's subtree (not found otherwise); {@code waiting}, only
     * those this person may review or correct now (as the home page's to-do counts them).
     */
    @Transactional(readOnly = true)
    ListPage.ByState<ApplicationState, WhitelistApplication> list(AccountPrincipal me, Long reviewingUnitId, Integer year,
            ApplicationState state, Category category, boolean waiting, Integer page) {
        if (!Whitelist.READERS.contains(me.role())) {
            throw new org.springframework.security.access.AccessDeniedException("no applications for " + me.role());
        }
        if (reviewingUnitId != null) {
            units.getInScope(me, reviewingUnitId);
        }
        var own = units.get(me.unitId());
        // the city's subtree is every unit: no ids to pass
        var filter = new WhitelistRepository.ApplicationFilter(own.parentId() == null ? null : units.idsUnder(own.id()),
                reviewingUnitId, year, state, category, waiting
                        ? new WhitelistRepository.Waiting(me.unitId(), Whitelist.REVIEWERS.contains(me.role()),
                                Whitelist.APPLICANTS.contains(me.role()))
                        : null);
        return ListPage.ByState.of(repository.applicationsByState(filter), state, page,
                offset -> repository.applications(filter, offset, ListPage.SIZE));
    }
}
