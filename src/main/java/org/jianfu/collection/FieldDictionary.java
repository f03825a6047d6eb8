package org.jianfu.collection;

import java.time.Clock;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dictionary of standard base fields (requirement 16): everyone who reads collections reads it, a city admin keeps it
 * (adds, edits, retires a field; each change audited). A retired field stays on the collections that declared it.
 */
@Service
public class FieldDictionary {

    private final DictionaryRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FieldDictionary(DictionaryRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the dictionary, by source system and code; retired fields only when asked for. */
    @Transactional(readOnly = true)
    ListPage<DictionaryField> page(AccountPrincipal me, boolean withRetired, Integer page) {
        requireReader(me);
        return ListPage.of(page, repository.count(withRetired), offset -> repository.page(withRetired, offset, ListPage.SIZE));
    }

    /** The fields a collection may declare now. */
    @Transactional(readOnly = true)
    public List<DictionaryField> inUse() {
        return repository.inUse();
    }

    /**
     * The whole dictionary, by source system and code, retired fields too when asked for: for a system that reads it (the
     * data platform's API). The dictionary is the city's and public to every reader, so there is no unit to check.
     */
    @Transactional(readOnly = true)
    public List<DictionaryField> fields(boolean withRetired) {
        return repository.page(withRetired, 0, Integer.MAX_VALUE);
    }

    @Transactional(readOnly = true)
    DictionaryField get(AccountPrincipal me, long id) {
        requireReader(me);
        return repository.find(id).orElseThrow(() -> new CollectionNotFoundException("dictionary field " + id));
    }

    @Transactional
    public DictionaryField add(AccountPrincipal me, DictionaryForm form) {
        requireKeeper(me);
        check(form, 0);
        var id = repository.insert(form, me.username(), clock.instant());
        var added = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.DictionaryFieldAdded(added.snapshot()));
        return added;
    }

    @Transactional
    public DictionaryField change(AccountPrincipal me, long id, DictionaryForm form) {
        requireKeeper(me);
        var before = get(me, id);
        check(form, id);
        if (!repository.update(id, form, me.username(), clock.instant())) {
            throw new EditConflictException("dictionary field " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.DictionaryFieldChanged(before.snapshot(), after.snapshot()));
        return after;
    }

    /** Retires a field (new collections can no longer choose it) or puts a retired one back into use. */
    @Transactional
    public DictionaryField retire(AccountPrincipal me, long id, int version, boolean retired) {
        requireKeeper(me);
        var before = get(me, id);
        if (!repository.setRetired(id, version, retired, me.username(), clock.instant())) {
            throw new EditConflictException("dictionary field " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.DictionaryFieldChanged(before.snapshot(), after.snapshot()));
        return after;
    }

    private void check(DictionaryForm form, long id) {
        if (repository.codeTaken(form.code().strip(), id)) {
            throw new RuleViolation("code", "collection.dictionary.error.code-taken", form.code().strip());
        }
        if (form.valueType() == ValueType.CODE && form.allowedValuesOrNull() == null) {
            throw new RuleViolation("allowedValues", "collection.dictionary.error.values-required");
        }
    }

    private static void requireReader(AccountPrincipal me) {
        if (!CollectionRegister.READERS.contains(me.role())) {
            throw new AccessDeniedException("no dictionary for " + me.role());
        }
    }

    private static void requireKeeper(AccountPrincipal me) {
        if (me.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("city admins only");
        }
    }
}
