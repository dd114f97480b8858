package io.quipu.customers.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.customers.CreateCustomerRequest;
import io.quipu.contracts.customers.CustomerBatchItem;
import io.quipu.contracts.customers.CustomerBatchResult;
import io.quipu.contracts.customers.CustomerPage;
import io.quipu.contracts.customers.CustomerResponse;
import io.quipu.contracts.customers.CustomersContracts;
import io.quipu.contracts.customers.UpdateCustomerRequest;
import io.quipu.customers.domain.Adulthood;
import io.quipu.customers.domain.ContactRules;
import io.quipu.customers.domain.Customer;
import io.quipu.customers.domain.CustomerStatus;
import io.quipu.customers.domain.DocumentNumbers;
import io.quipu.customers.domain.DocumentType;
import io.quipu.customers.domain.IllegalTransition;
import io.quipu.customers.domain.Masking;
import io.quipu.customers.domain.PersonNames;
import io.quipu.customers.domain.RiskAssessment;
import io.quipu.customers.events.CustomerEventPublisher;
import io.quipu.customers.store.CustomerStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;
import jakarta.validation.Validator;

/**
 * Customer records: staff register and search them; a customer reads and edits only their own (anyone else's is "not
 * found", so ids cannot be probed). Changes commit with their {@code customers} event.
 */
public class CustomerService {

    /** Staff roles that see sensitive fields in clear; the others (analyst, auditor) see them masked. */
    static final List<String> ROLES_SEEING_CLEAR_DATA = List.of("teller", "admin");
    private static final ZoneId LIMA = ZoneId.of("America/Lima");

    private final CustomerStore customers;
    private final CustomerEventPublisher events;
    private final ProfileCache profiles;
    private final TransactionTemplate transactions;
    private final Validator validator;
    private final Clock clock;

    public CustomerService(CustomerStore customers, CustomerEventPublisher events, ProfileCache profiles,
                           TransactionTemplate transactions, Validator validator, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.profiles = profiles;
        this.transactions = transactions;
        this.validator = validator;
        this.clock = clock;
    }

    public CustomerResponse create(CreateCustomerRequest request) {
        return create(Ids.newId(), request);
    }

    /**
     * With an id chosen by the caller: the demo customers, whose logins the identity service knows by fixed ids. A repeat
     * (this id with the same document) returns the customer registered before.
     */
    public CustomerResponse create(UUID id, CreateCustomerRequest request) {
        Instant now = registrationTime();
        Customer customer = newCustomer(id, request, now);
        Registration registration = transactions.execute(status -> registerAll(List.of(customer), now).get(0));
        if (registration.refusal() != null) {
            throw registration.refusal();
        }
        return view(registration.customer());
    }

    /**
     * Up to {@link CustomersContracts#MAX_BATCH_SIZE} customers in one transaction, each through the same checks as
     * {@link #create(UUID, CreateCustomerRequest)}, in order (a later item sees the earlier ones). A refused item is a
     * result with the problem the single registration would answer; the others are registered all the same.
     */
    public List<CustomerBatchResult> createAll(List<CustomerBatchItem> items) {
        if (items.size() > CustomersContracts.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("at most " + CustomersContracts.MAX_BATCH_SIZE + " customers at once");
        }
        Instant now = registrationTime();
        CustomerBatchResult[] results = new CustomerBatchResult[items.size()];
        List<Customer> accepted = new ArrayList<>(items.size());
        List<Integer> acceptedIndexes = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            CustomerBatchItem item = items.get(index);
            UUID id = item.id() != null ? item.id() : Ids.newId();
            try {
                // The single endpoint's @Valid, per item: the batch's other items go on.
                new FieldChecks().constraints(validator.validate(item.request())).throwIfAny();
                accepted.add(newCustomer(id, item.request(), now));
                acceptedIndexes.add(index);
            } catch (ApiException refused) {
                results[index] = refusal(index, id, refused);
            }
        }
        transactions.executeWithoutResult(status -> {
            List<Registration> registrations = registerAll(accepted, now);
            for (int position = 0; position < registrations.size(); position++) {
                int index = acceptedIndexes.get(position);
                Registration registration = registrations.get(position);
                results[index] = registration.refusal() != null
                        ? refusal(index, accepted.get(position).id(), registration.refusal())
                        : new CustomerBatchResult(index, registration.customer().id(),
                                registration.created() ? CustomerBatchResult.CREATED : CustomerBatchResult.EXISTS, null, List.of(),
                                view(registration.customer()));
            }
        });
        return List.of(results);
    }

    /** Microseconds, as PostgreSQL keeps them: the answer to a registration shows what a later read shows. */
    private Instant registrationTime() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static CustomerBatchResult refusal(int index, UUID id, ApiException refused) {
        return new CustomerBatchResult(index, id, refused.code(), refused.getMessage(), refused.fieldProblems(), null);
    }

    /**
     * A new customer from a registration request, by the bank's rules (documents, names, contacts, adulthood).
     *
     * @throws ApiException {@code validation_failed} naming every field that breaks a rule
     */
    private Customer newCustomer(UUID id, CreateCustomerRequest request, Instant now) {
        DocumentType documentType = DocumentType.valueOf(request.documentType());
        String documentNumber = DocumentNumbers.normalise(documentType, request.documentNumber());
        String email = ContactRules.normaliseEmail(request.email());
        String phone = ContactRules.normalisePhone(request.phone());
        boolean hasMaternalSurname = request.maternalSurname() != null && !request.maternalSurname().isBlank();
        new FieldChecks()
                .check("documentNumber", DocumentNumbers.check(documentType, documentNumber))
                .check("givenNames", PersonNames.check(PersonNames.normalise(request.givenNames())))
                .check("paternalSurname", PersonNames.check(PersonNames.normalise(request.paternalSurname())))
                .check("maternalSurname", hasMaternalSurname ? PersonNames.check(PersonNames.normalise(request.maternalSurname())) : Optional.empty())
                .check("email", ContactRules.checkEmail(email))
                .check("phone", ContactRules.checkPhone(phone))
                .check("birthDate", Adulthood.checkBirthDate(request.birthDate(), LocalDate.ofInstant(now, LIMA)))
                .throwIfAny();
        RiskAssessment risk = RiskAssessment.assess(false, false, request.nationality(), request.occupation());
        String maternal = hasMaternalSurname ? PersonNames.normalise(request.maternalSurname()) : null;
        return new Customer(id, PersonNames.normalise(request.givenNames()), PersonNames.normalise(request.paternalSurname()),
                maternal, email, phone, documentType, documentNumber, request.birthDate(), request.address(), request.nationality(),
                request.occupation(), false, CustomerStatus.ACTIVE, risk.level(), request.language() == null ? "es" : request.language(),
                0, now, now);
    }

    /** What became of one customer of a registration: stored now, found from before (a repeat), or refused. */
    private record Registration(Customer customer, boolean created, ApiException refusal) {

        static Registration refused(ApiException refusal) {
            return new Registration(null, false, refusal);
        }
    }

    /**
     * Stores new customers with their {@code created} events, in the caller's transaction and in order, as if one by one:
     * a customer whose id is stored with the same document is a repeat (found, not stored again); an id that is another
     * person's, a document or an e-mail that is taken (stored, or earlier in the list) is refused. Set-wise: one query
     * each for the ids, documents and e-mails that are taken, one insert for the rest; no statement fails, so a batch's
     * transaction goes on after a refusal.
     */
    private List<Registration> registerAll(List<Customer> candidates, Instant now) {
        Map<UUID, Customer> storedById = customers.findAll(candidates.stream().map(Customer::id).toList());
        Set<CustomerStore.DocumentKey> takenDocuments = new HashSet<>(customers.takenDocuments(candidates.stream()
                .map(CustomerService::documentOf).toList()));
        Set<String> takenEmails = new HashSet<>(customers.takenEmails(candidates.stream().map(Customer::email).toList()));
        Registration[] registrations = new Registration[candidates.size()];
        // A later candidate with the id of an earlier accepted one becomes whatever that one becomes.
        Map<UUID, Integer> acceptedPositions = new HashMap<>();
        List<Integer> acceptedInOrder = new ArrayList<>();
        int[] repeatOf = new int[candidates.size()];
        Arrays.fill(repeatOf, -1);
        List<Customer> toInsert = new ArrayList<>();
        for (int position = 0; position < candidates.size(); position++) {
            Customer candidate = candidates.get(position);
            Customer stored = storedById.get(candidate.id());
            Integer earlier = acceptedPositions.get(candidate.id());
            if (stored != null || earlier != null) {
                Customer sameId = stored != null ? stored : candidates.get(earlier);
                if (!documentOf(sameId).equals(documentOf(candidate))) {
                    registrations[position] = Registration.refused(ApiException.conflict("id_taken", "Another customer has this id."));
                } else if (stored != null) {
                    registrations[position] = new Registration(stored, false, null);
                } else {
                    repeatOf[position] = earlier;
                }
            } else if (takenDocuments.contains(documentOf(candidate))) {
                registrations[position] = Registration.refused(
                        ApiException.conflict("document_taken", "A customer with this document exists."));
            } else if (takenEmails.contains(candidate.email())) {
                registrations[position] = Registration.refused(
                        ApiException.conflict("email_taken", "A customer with this e-mail address exists."));
            } else {
                takenDocuments.add(documentOf(candidate));
                takenEmails.add(candidate.email());
                acceptedPositions.put(candidate.id(), position);
                acceptedInOrder.add(position);
                toInsert.add(candidate);
            }
        }
        Set<UUID> inserted = customers.insertAllIfAbsent(toInsert);
        for (int position : acceptedInOrder) {
            Customer candidate = candidates.get(position);
            if (inserted.contains(candidate.id())) {
                events.created(candidate, now);
                registrations[position] = new Registration(candidate, true, null);
            } else {
                registrations[position] = Registration.refused(ApiException.conflict("document_taken",
                        "A customer with this document or e-mail address exists."));
            }
        }
        for (int position = 0; position < candidates.size(); position++) {
            if (repeatOf[position] >= 0) {
                Registration first = registrations[repeatOf[position]];
                registrations[position] = first.refusal() != null ? first : new Registration(first.customer(), false, null);
            }
        }
        return List.of(registrations);
    }

    private static CustomerStore.DocumentKey documentOf(Customer customer) {
        return new CustomerStore.DocumentKey(customer.documentType(), customer.documentNumber());
    }

    /** The customer, if the caller may see them: their own record, or any for staff and services. */
    public Customer visible(UUID id) {
        Customer customer = customers.find(id).orElseThrow(CustomerProblems::customerNotFound);
        CurrentCaller.requireOwnerOrStaff(customer.id(), "customer_not_found");
        return customer;
    }

    public CustomerResponse get(UUID id) {
        return view(visible(id));
    }

    public CustomerResponse update(UUID id, UpdateCustomerRequest request) {
        Customer current = visible(id);
        if (current.version() != request.version()) {
            throw ApiException.conflict("customer_changed", "The customer changed since version " + request.version() + "; read it again.");
        }
        String email = request.email() == null ? current.email() : ContactRules.normaliseEmail(request.email());
        String phone = request.phone() == null ? current.phone() : ContactRules.normalisePhone(request.phone());
        new FieldChecks().check("email", ContactRules.checkEmail(email)).check("phone", ContactRules.checkPhone(phone)).throwIfAny();
        Instant now = clock.instant();
        Customer changed = current.withContactDetails(email, phone,
                request.address() == null ? current.address() : request.address(),
                request.occupation() == null ? current.occupation() : request.occupation(),
                request.language() == null ? current.language() : request.language(), now);
        return view(save(changed, now));
    }

    public CustomerResponse changeStatus(UUID id, CustomerStatus next) {
        Customer current = customers.find(id).orElseThrow(CustomerProblems::customerNotFound);
        Instant now = clock.instant();
        Customer changed;
        try {
            changed = current.withStatus(next, now);
        } catch (IllegalTransition refused) {
            throw ApiException.conflict("invalid_status_change", "A " + current.status().name().toLowerCase(Locale.ROOT) + " customer cannot become "
                    + next.name().toLowerCase(Locale.ROOT) + ".");
        }
        return view(save(changed, now));
    }

    private Customer save(Customer changed, Instant now) {
        return transactions.execute(status -> {
            if (!changed.email().equals(customers.find(changed.id()).map(Customer::email).orElse(changed.email()))) {
                customers.findByEmail(changed.email()).ifPresent(other -> {
                    throw ApiException.conflict("email_taken", "A customer with this e-mail address exists.");
                });
            }
            try {
                if (!customers.update(changed)) {
                    throw ApiException.conflict("customer_changed", "The customer changed meanwhile; read it again.");
                }
            } catch (DuplicateKeyException raced) {
                throw ApiException.conflict("email_taken", "A customer with this e-mail address exists.");
            }
            Customer saved = customers.find(changed.id()).orElseThrow();
            events.updated(saved, now);
            profiles.evict(saved.id());
            return saved;
        });
    }

    /**
     * Staff search: exactly one of document (type + number), e-mail, or surname prefix (≥ 2 letters), paginated by an
     * opaque cursor.
     */
    public CustomerPage search(String documentType, String documentNumber, String email, String surnamePrefix, String cursor, int limit) {
        int pageSize = Math.max(1, Math.min(limit, CustomerStore.MAX_PAGE_SIZE));
        if (documentNumber != null) {
            if (documentType == null) {
                throw ApiException.invalidField("documentType", "required", "documentType is required with documentNumber.");
            }
            DocumentType type = parseDocumentType(documentType);
            Optional<Customer> found = customers.findByDocument(type, DocumentNumbers.normalise(type, documentNumber));
            return new CustomerPage(found.map(this::view).stream().toList(), null);
        }
        if (email != null) {
            return new CustomerPage(customers.findByEmail(ContactRules.normaliseEmail(email)).map(this::view).stream().toList(), null);
        }
        if (surnamePrefix == null || surnamePrefix.strip().length() < 2 || surnamePrefix.length() > 80) {
            throw ApiException.invalidField("surnamePrefix", "required",
                    "Search by documentType + documentNumber, by email, or by surnamePrefix (2 to 80 characters).");
        }
        List<Customer> page = customers.searchBySurnamePrefix(surnamePrefix.strip(), decodeCursor(cursor), pageSize + 1);
        String next = null;
        if (page.size() > pageSize) {
            page = page.subList(0, pageSize);
            Customer last = page.get(pageSize - 1);
            next = encodeCursor(new CustomerStore.SurnameCursor(last.paternalSurname().toLowerCase(Locale.ROOT), last.id()));
        }
        return new CustomerPage(page.stream().map(this::view).toList(), next);
    }

    private static DocumentType parseDocumentType(String value) {
        try {
            return DocumentType.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidField("documentType", "invalid", "documentType must be DNI, RUC, CE, PASSPORT or CEDULA_EC.");
        }
    }

    private static String encodeCursor(CustomerStore.SurnameCursor cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((cursor.surname() + "\n" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static CustomerStore.SurnameCursor decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
            return new CustomerStore.SurnameCursor(parts[0], UUID.fromString(parts[1]));
        } catch (RuntimeException malformed) {
            throw ApiException.invalidField("cursor", "invalid", "The cursor is not one this service gave.");
        }
    }

    /** A service's own token (client credentials): notifications need the phone to send an SMS. */
    private static boolean isService() {
        return CurrentCaller.token().map(jwt -> jwt.getSubject() != null
                && jwt.getSubject().equals(jwt.getClaimAsString(CurrentCaller.CLIENT_ID_CLAIM))).orElse(false);
    }

    /** The record as this caller may see it: in clear for the customer and for tellers and administrators. */
    public CustomerResponse view(Customer customer) {
        boolean clear = CurrentCaller.isCustomer() || ROLES_SEEING_CLEAR_DATA.stream().anyMatch(CurrentCaller::hasRole) || isService();
        return new CustomerResponse(customer.id().toString(), customer.givenNames(), customer.paternalSurname(), customer.maternalSurname(),
                customer.email(), clear ? customer.phone() : Masking.phone(customer.phone()), customer.documentType().name(),
                clear ? customer.documentNumber() : Masking.documentNumber(customer.documentNumber()),
                clear ? customer.birthDate().toString() : Masking.birthDate(customer.birthDate()), customer.address(),
                customer.nationality(), customer.occupation(), customer.politicallyExposed(), customer.status().name().toLowerCase(Locale.ROOT),
                customer.riskLevel().name().toLowerCase(Locale.ROOT), customer.language(), !clear, customer.version(), customer.createdAt(),
                customer.updatedAt());
    }
}
