package io.quipu.customers.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.customers.FaceFeatures;
import io.quipu.contracts.customers.StartOnboardingRequest;
import io.quipu.customers.clients.BiometricConfirmationRequiredException;
import io.quipu.customers.clients.BiometricVerification;
import io.quipu.customers.clients.BiometricsClient;
import io.quipu.customers.clients.ContractMailer;
import io.quipu.customers.clients.ESignatureClient;
import io.quipu.customers.clients.IdentityRegistryClient;
import io.quipu.customers.clients.PlatformServices;
import io.quipu.customers.clients.RegistryPerson;
import io.quipu.customers.clients.ScreeningClient;
import io.quipu.customers.clients.ScreeningResult;
import io.quipu.customers.clients.SignedDocument;
import io.quipu.customers.domain.Adulthood;
import io.quipu.customers.domain.BiometricPolicy;
import io.quipu.customers.domain.ContactRules;
import io.quipu.customers.domain.Customer;
import io.quipu.customers.domain.CustomerStatus;
import io.quipu.customers.domain.DocumentNumbers;
import io.quipu.customers.domain.DocumentType;
import io.quipu.customers.domain.Masking;
import io.quipu.customers.domain.OnboardingCase;
import io.quipu.customers.domain.OnboardingState;
import io.quipu.customers.domain.PersonNames;
import io.quipu.customers.domain.RejectionReason;
import io.quipu.customers.domain.RiskAssessment;
import io.quipu.customers.domain.RiskLevel;
import io.quipu.customers.events.CustomerEventPublisher;
import io.quipu.customers.store.CustomerStore;
import io.quipu.customers.store.DocumentStore;
import io.quipu.customers.store.OnboardingRecord;
import io.quipu.customers.store.OnboardingStore;
import io.quipu.platform.clients.ProviderUnavailableException;
import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;

/**
 * Onboarding on the phone, step by step (docs/customers.md):
 * <ol>
 * <li>start: document, names, e-mail, phone → the identity registry → a prospect and a case (IDENTITY_VERIFIED);</li>
 * <li>selfie → the biometric provider (SELFIE_VERIFIED), then KYC/AML screening by itself (SCREENED);</li>
 * <li>credentials → identity creates the login (CREDENTIALS_CREATED), then the ledger opens the account by itself
 * (ACCOUNT_OPENED);</li>
 * <li>sign: a fresh selfie → the contract PDF signed by the e-signature provider (CONTRACT_SIGNED), then it is e-mailed
 * and the customer becomes active by itself (COMPLETED).</li>
 * </ol>
 * Steps the applicant drives run in their request; the automatic ones run right after, and when a provider is down
 * the case keeps its state and a due time, and {@link #resumeDue()} does the step later. Remote calls happen outside
 * database transactions; each save checks the case's version, so a request and the resumer never both move a case.
 */
public class OnboardingService {

    private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final Duration RESUMER_LEASE = Duration.ofMinutes(2);
    private static final int RESUMER_BATCH = 20;

    public record Settings(BiometricPolicy biometricPolicy, int maxSelfieAttempts, Duration caseLifetime, Duration firstRetryDelay,
                           Duration maxRetryDelay) {
        public Settings {
            if (maxSelfieAttempts < 1 || maxSelfieAttempts > 10) {
                throw new IllegalArgumentException("maxSelfieAttempts must be 1 to 10");
            }
            if (caseLifetime.compareTo(Duration.ofHours(1)) < 0 || caseLifetime.compareTo(Duration.ofDays(90)) > 0) {
                throw new IllegalArgumentException("caseLifetime must be 1 hour to 90 days");
            }
            if (firstRetryDelay.isNegative() || firstRetryDelay.isZero() || maxRetryDelay.compareTo(firstRetryDelay) < 0) {
                throw new IllegalArgumentException("retry delays must be positive and max ≥ first");
            }
        }
    }

    /** A case as the API shows it; {@code resumeToken} only when the case was just started. */
    public record View(OnboardingRecord record, Customer customer, String resumeToken) {
    }

    private final Settings settings;
    private final CustomerStore customers;
    private final OnboardingStore cases;
    private final DocumentStore documents;
    private final IdentityRegistryClient registry;
    private final BiometricsClient biometrics;
    private final ScreeningClient screening;
    private final ESignatureClient signatures;
    private final ContractMailer mailer;
    private final PlatformServices platform;
    private final CustomerEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OnboardingService(Settings settings, CustomerStore customers, OnboardingStore cases, DocumentStore documents,
                             IdentityRegistryClient registry, BiometricsClient biometrics, ScreeningClient screening,
                             ESignatureClient signatures, ContractMailer mailer, PlatformServices platform,
                             CustomerEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.customers = customers;
        this.cases = cases;
        this.documents = documents;
        this.registry = registry;
        this.biometrics = biometrics;
        this.screening = screening;
        this.signatures = signatures;
        this.mailer = mailer;
        this.platform = platform;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    // --- step 1: who the person is -----------------------------------------------------------------------------------

    public View start(StartOnboardingRequest request) {
        DocumentType documentType = DocumentType.valueOf(request.documentType());
        String documentNumber = DocumentNumbers.normalise(documentType, request.documentNumber());
        String email = ContactRules.normaliseEmail(request.email());
        String phone = ContactRules.normalisePhone(request.phone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LIMA);
        new FieldChecks()
                .check("documentNumber", DocumentNumbers.check(documentType, documentNumber))
                .check("givenNames", PersonNames.check(PersonNames.normalise(request.givenNames())))
                .check("surnames", PersonNames.check(PersonNames.normalise(request.surnames())))
                .check("email", ContactRules.checkEmail(email))
                .check("phone", ContactRules.checkPhone(phone))
                .check("birthDate", request.birthDate() == null
                        ? Optional.empty() : Adulthood.checkBirthDate(request.birthDate(), today))
                .throwIfAny();
        Optional<Customer> existing = customers.findByDocument(documentType, documentNumber);
        if (existing.isPresent() && existing.get().status() != CustomerStatus.PROSPECT) {
            throw ApiException.conflict("already_a_customer", "This document belongs to a customer already: log in instead.");
        }
        customers.findByEmail(email).filter(other -> existing.map(mine -> !mine.id().equals(other.id())).orElse(true))
                .ifPresent(other -> {
                    throw ApiException.conflict("email_taken", "This e-mail address belongs to another customer.");
                });

        RegistryPerson person = call("registry", () -> registry.findPerson(documentType.name(), documentNumber))
                .orElseThrow(() -> CustomerProblems.rejected(RejectionReason.IDENTITY_NOT_FOUND.code()));
        if (person.deceased()) {
            throw CustomerProblems.rejected(RejectionReason.DECEASED.code());
        }
        if (!PersonNames.matches(request.givenNames(), request.surnames(), person.givenNames(), person.paternalSurname(),
                person.maternalSurname())) {
            throw CustomerProblems.rejected(RejectionReason.NAME_MISMATCH.code());
        }
        if (request.birthDate() != null && !request.birthDate().equals(person.birthDate())) {
            throw CustomerProblems.rejected(RejectionReason.BIRTH_DATE_MISMATCH.code());
        }
        if (!Adulthood.isAdult(person.birthDate(), today)) {
            throw CustomerProblems.rejected(RejectionReason.UNDER_AGE.code());
        }

        String resumeToken = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        String language = request.language() == null ? "es" : request.language();
        String nationality = documentType.countryCode().orElse("PE");
        UUID caseId = Ids.newId();
        OnboardingRecord created = transactions.execute(status -> {
            Customer prospect;
            if (existing.isPresent()) {
                cases.findOpenOfCustomer(existing.get().id()).ifPresent(open -> supersede(open, now));
                prospect = existing.get().withContactDetails(email, phone, person.address(), existing.get().occupation(), language, now);
                if (!customers.update(prospect)) {
                    throw ApiException.conflict("customer_changed", "The record changed meanwhile; try again.");
                }
            } else {
                prospect = new Customer(Ids.newId(), PersonNames.normalise(person.givenNames()), PersonNames.normalise(person.paternalSurname()),
                        person.maternalSurname() == null ? null : PersonNames.normalise(person.maternalSurname()), email, phone,
                        documentType, documentNumber, person.birthDate(), person.address(), nationality, null, false,
                        CustomerStatus.PROSPECT, RiskLevel.LOW, language, 0, now, now);
                try {
                    customers.insert(prospect);
                } catch (DuplicateKeyException raced) {
                    throw ApiException.conflict("onboarding_in_progress", "An onboarding with this document or e-mail has just started.");
                }
            }
            OnboardingCase onboarding = OnboardingCase.start(caseId).advance(OnboardingState.IDENTITY_VERIFIED, now,
                    "identity registry: names match, adult");
            OnboardingRecord record = new OnboardingRecord(onboarding, prospect.id(), person.photoReference(), 0, null, null, null,
                    null, Ids.newId(), null, null, null, null, 0, null, null, now, now.plus(settings.caseLifetime()), 0);
            cases.insert(record, hash(resumeToken), now);
            return record;
        });
        return view(cases.find(created.id()).orElseThrow(), resumeToken);
    }

    /** A new start abandons an unfinished case, unless a login exists already (then the person must resume it). */
    private void supersede(OnboardingRecord open, Instant now) {
        if (open.onboarding().state().compareTo(OnboardingState.CREDENTIALS_CREATED) >= 0) {
            throw ApiException.conflict("onboarding_in_progress",
                    "An onboarding of this person already created a login: resume it with its token.");
        }
        if (!cases.save(open.with(open.onboarding().reject(RejectionReason.ABANDONED, now, "superseded by a new start")), now)) {
            throw ApiException.conflict("onboarding_in_progress", "The earlier onboarding is moving right now; try again.");
        }
    }

    // --- the applicant's steps ----------------------------------------------------------------------------------------

    public View find(UUID caseId, String resumeToken) {
        return view(authorized(caseId, resumeToken), null);
    }

    public View selfie(UUID caseId, String resumeToken, FaceFeatures features) {
        OnboardingRecord record = expect(authorized(caseId, resumeToken), OnboardingState.IDENTITY_VERIFIED);
        Customer customer = customers.find(record.customerId()).orElseThrow();
        BiometricVerification verification = call("biometrics", () -> biometrics.verify(customer.documentNumber(),
                record.photoReference(), features.vector(), features.livenessScore()));
        Instant now = clock.instant();
        Optional<RejectionReason> failure = settings.biometricPolicy().check(verification.score(), verification.liveness());
        if (failure.isPresent()) {
            int attempts = record.selfieAttempts() + 1;
            OnboardingRecord next = attempts >= settings.maxSelfieAttempts()
                    ? record.withSelfie(attempts, null).with(record.onboarding().reject(failure.get(), now, "selfie refused " + attempts + " times"))
                    : record.withSelfie(attempts, null);
            saveOrConflict(next, now);
            if (next.onboarding().state() == OnboardingState.REJECTED) {
                closeProspect(customer, now);
                throw CustomerProblems.rejected(failure.get().code());
            }
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "selfie_not_matched",
                    "The selfie did not match (" + failure.get().code() + "); " + (settings.maxSelfieAttempts() - attempts)
                            + " tries left. Use good light and look at the camera.");
        }
        OnboardingRecord verified = record.withSelfie(record.selfieAttempts() + 1, verification.verificationId())
                .with(record.onboarding().advance(OnboardingState.SELFIE_VERIFIED, now, "biometric match"))
                .dueAt(safetyNet(now));
        saveOrConflict(verified, now);
        return view(runAutomaticSteps(caseId), null);
    }

    public View credentials(UUID caseId, String resumeToken, String username, String password, String accountCurrency) {
        OnboardingRecord record = expect(authorized(caseId, resumeToken), OnboardingState.SCREENED);
        Customer customer = customers.find(record.customerId()).orElseThrow();
        UUID userId = platform.createCustomerUser(username, password, customer.phone(), customer.id());
        Instant now = clock.instant();
        OnboardingRecord created = record.withUser(userId, username.toLowerCase(Locale.ROOT), accountCurrency)
                .with(record.onboarding().advance(OnboardingState.CREDENTIALS_CREATED, now, "login created"))
                .dueAt(safetyNet(now));
        saveOrConflict(created, now);
        return view(runAutomaticSteps(caseId), null);
    }

    /** The contract as it will be signed, for the applicant to read first. */
    public byte[] contractPreview(UUID caseId, String resumeToken) {
        OnboardingRecord record = authorized(caseId, resumeToken);
        if (record.onboarding().state().compareTo(OnboardingState.ACCOUNT_OPENED) < 0
                || record.onboarding().state() == OnboardingState.REJECTED) {
            throw CustomerProblems.wrongStep(record.onboarding().state().name(), nextStep(record));
        }
        return ContractDocument.render(contractData(record, customers.find(record.customerId()).orElseThrow()));
    }

    public View sign(UUID caseId, String resumeToken, FaceFeatures features) {
        OnboardingRecord record = expect(authorized(caseId, resumeToken), OnboardingState.ACCOUNT_OPENED);
        Customer customer = customers.find(record.customerId()).orElseThrow();
        BiometricVerification confirmation = call("biometrics", () -> biometrics.verify(customer.documentNumber(),
                record.photoReference(), features.vector(), features.livenessScore()));
        if (!settings.biometricPolicy().passes(confirmation.score(), confirmation.liveness())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "selfie_not_matched",
                    "The selfie did not confirm it is you; the contract is not signed. Try again.");
        }
        byte[] contract = ContractDocument.render(contractData(record, customer));
        SignedDocument signed;
        try {
            signed = call("esign", () -> signatures.sign(record.id().toString(), contract, customer.fullName(),
                    customer.documentNumber(), customer.email(), confirmation.verificationId(), "Contrato de cuenta de ahorros"));
        } catch (BiometricConfirmationRequiredException refused) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "selfie_not_matched",
                    "The signature provider did not accept the biometric confirmation; try again.");
        }
        Instant now = clock.instant();
        UUID documentId = Ids.newId();
        transactions.executeWithoutResult(status -> {
            documents.insert(new DocumentStore.StoredDocument(documentId, customer.id(), "savings_contract",
                    contractFileName(record), "application/pdf", signed.signedPdf(), signed.documentSha256(), signed.signatureId(), now));
            saveOrConflict(record.withContract(documentId)
                    .with(record.onboarding().advance(OnboardingState.CONTRACT_SIGNED, now, "signed, signature " + signed.signatureId()))
                    .dueAt(safetyNet(now)), now);
        });
        return view(runAutomaticSteps(caseId), null);
    }

    // --- the automatic steps and their resumption ---------------------------------------------------------------------

    /** Does the cases' due automatic steps (a provider was down, or the service crashed in the middle). */
    public int resumeDue() {
        Instant now = clock.instant();
        for (UUID expired : cases.expired(now, RESUMER_BATCH)) {
            cases.find(expired).filter(record -> !record.onboarding().isTerminal()).ifPresent(record -> {
                if (cases.save(record.with(record.onboarding().reject(RejectionReason.ABANDONED, now, "expired")), now)) {
                    customers.find(record.customerId()).ifPresent(customer -> closeProspect(customer, now));
                }
            });
        }
        List<UUID> due = transactions.execute(status -> cases.claimDue(now, RESUMER_LEASE, RESUMER_BATCH));
        for (UUID caseId : due) {
            try {
                runAutomaticSteps(caseId);
            } catch (RuntimeException e) {
                log.warn("onboarding case {} could not resume: {}", caseId, e.toString());
            }
        }
        return due.size();
    }

    /** Runs automatic steps from the case's current state until one needs the applicant, or a provider is down. */
    OnboardingRecord runAutomaticSteps(UUID caseId) {
        for (int step = 0; step < 4; step++) {
            OnboardingRecord record = cases.find(caseId).orElseThrow();
            Instant now = clock.instant();
            try {
                OnboardingRecord next = switch (record.onboarding().state()) {
                    case SELFIE_VERIFIED -> screen(record, now);
                    case CREDENTIALS_CREATED -> openAccount(record, now);
                    case CONTRACT_SIGNED -> sendContractAndActivate(record, now);
                    default -> {
                        if (record.nextAttemptAt() != null) {
                            cases.save(record.dueAt(null), now); // nothing automatic here: the resumer's claim ends
                        }
                        yield null;
                    }
                };
                if (next == null) {
                    return record;
                }
            } catch (ApiException movedMeanwhile) {
                if (!"onboarding_changed".equals(movedMeanwhile.code())) {
                    throw movedMeanwhile;
                }
                // Another worker (the resumer, or a second request) did this step first: its result stands.
                return cases.find(caseId).orElseThrow();
            } catch (ProviderUnavailableException down) {
                Duration delay = retryDelay(record.attempts());
                log.info("onboarding case {}: {} unavailable in state {}, retrying in {}", caseId, down.provider(),
                        record.onboarding().state(), delay);
                cases.save(record.withRetry(now.plus(delay), down.provider() + ": " + down.getMessage()), now);
                return cases.find(caseId).orElseThrow();
            }
        }
        return cases.find(caseId).orElseThrow();
    }

    private OnboardingRecord screen(OnboardingRecord record, Instant now) {
        Customer customer = customers.find(record.customerId()).orElseThrow();
        ScreeningResult result = screening.screen(customer.documentType().name(), customer.documentNumber(), customer.fullName(),
                customer.birthDate(), customer.nationality());
        RiskAssessment risk = RiskAssessment.assess(result.pep(), result.sanctionsHit(), customer.nationality(), customer.occupation());
        return transactions.execute(status -> {
            if (!risk.canOnboard()) {
                OnboardingRecord rejected = record.withScreening(result.checkId())
                        .with(record.onboarding().reject(RejectionReason.SANCTIONS_HIT, now, "screening check " + result.checkId()));
                saveOrConflict(rejected, now);
                closeProspect(customer, now);
                return rejected;
            }
            Customer assessed = new Customer(customer.id(), customer.givenNames(), customer.paternalSurname(), customer.maternalSurname(),
                    customer.email(), customer.phone(), customer.documentType(), customer.documentNumber(), customer.birthDate(),
                    customer.address(), customer.nationality(), customer.occupation(), result.pep(), customer.status(), risk.level(),
                    customer.language(), customer.version(), customer.createdAt(), now);
            customers.update(assessed);
            OnboardingRecord screened = record.withScreening(result.checkId())
                    .with(record.onboarding().advance(OnboardingState.SCREENED, now, "screening " + result.checkId() + ", risk " + risk.level()));
            saveOrConflict(screened, now);
            return screened;
        });
    }

    private OnboardingRecord openAccount(OnboardingRecord record, Instant now) {
        PlatformServices.OpenedAccount account = platform.openSavingsAccount(record.accountId(), record.customerId(),
                record.accountCurrency());
        OnboardingRecord opened = record.withAccount(account.accountNumber(), account.cci())
                .with(record.onboarding().advance(OnboardingState.ACCOUNT_OPENED, now, "savings account " + Masking.documentNumber(account.accountNumber())));
        saveOrConflict(opened, now);
        return opened;
    }

    private OnboardingRecord sendContractAndActivate(OnboardingRecord record, Instant now) {
        Customer customer = customers.find(record.customerId()).orElseThrow();
        DocumentStore.StoredDocument contract = documents.find(record.contractDocumentId()).orElseThrow();
        mailer.sendSignedContract(customer.email(), customer.fullName(), Locale.forLanguageTag(customer.language()), contract.content(),
                contract.fileName());
        return transactions.execute(status -> {
            Customer active = customer.status() == CustomerStatus.ACTIVE ? customer : customer.withStatus(CustomerStatus.ACTIVE, now);
            if (active != customer && !customers.update(active)) {
                // The resumer (or a second request) activated the customer first, and completed the case with it.
                throw ApiException.conflict("onboarding_changed", "The case moved on meanwhile; read it again.");
            }
            OnboardingRecord completed = record.with(record.onboarding().advance(OnboardingState.COMPLETED, now, "contract e-mailed; customer active"));
            saveOrConflict(completed, now);
            events.onboarded(customers.find(customer.id()).orElseThrow(), record.accountId(), record.contractDocumentId(), now);
            return completed;
        });
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private void closeProspect(Customer customer, Instant now) {
        if (customer.status() == CustomerStatus.PROSPECT) {
            customers.update(customer.withStatus(CustomerStatus.CLOSED, now));
        }
    }

    /**
     * When the resumer should do an automatic step if this request does not get to it (it crashed): a little later, so
     * the two do not race for it in the normal case.
     */
    private Instant safetyNet(Instant now) {
        return now.plus(settings.firstRetryDelay());
    }

    private Duration retryDelay(int attempts) {
        long millis = settings.firstRetryDelay().toMillis() << Math.min(attempts, 16);
        return Duration.ofMillis(Math.min(millis, settings.maxRetryDelay().toMillis()));
    }

    private void saveOrConflict(OnboardingRecord record, Instant now) {
        if (!cases.save(record, now)) {
            throw ApiException.conflict("onboarding_changed", "The case moved on meanwhile; read it again.");
        }
    }

    private OnboardingRecord authorized(UUID caseId, String resumeToken) {
        if (resumeToken == null || resumeToken.isBlank() || resumeToken.length() > 100) {
            throw CustomerProblems.onboardingNotFound();
        }
        byte[] stored = cases.resumeTokenHash(caseId).orElseThrow(CustomerProblems::onboardingNotFound);
        if (!MessageDigest.isEqual(stored, hash(resumeToken))) {
            throw CustomerProblems.onboardingNotFound();
        }
        return cases.find(caseId).orElseThrow(CustomerProblems::onboardingNotFound);
    }

    private OnboardingRecord expect(OnboardingRecord record, OnboardingState state) {
        if (record.onboarding().state() == OnboardingState.REJECTED) {
            throw CustomerProblems.rejected(record.onboarding().rejectionReason().code());
        }
        if (record.onboarding().state() != state) {
            throw CustomerProblems.wrongStep(record.onboarding().state().name(), nextStep(record));
        }
        return record;
    }

    /** What the applicant does next, as the API says it. */
    public static String nextStep(OnboardingRecord record) {
        return switch (record.onboarding().state()) {
            case STARTED -> "wait";
            case IDENTITY_VERIFIED -> "selfie";
            case SELFIE_VERIFIED, CREDENTIALS_CREATED, CONTRACT_SIGNED -> "wait";
            case SCREENED -> "credentials";
            case ACCOUNT_OPENED -> "sign_contract";
            case COMPLETED, REJECTED -> "none";
        };
    }

    private View view(OnboardingRecord record, String resumeToken) {
        return new View(record, customers.find(record.customerId()).orElseThrow(), resumeToken);
    }

    private ContractDocument.ContractData contractData(OnboardingRecord record, Customer customer) {
        return new ContractDocument.ContractData(contractNumber(record), customer.fullName(), customer.documentType().name(),
                Masking.documentNumber(customer.documentNumber()), customer.email(), record.accountNumber(), record.cci(),
                record.accountCurrency(), "Cuenta de Ahorros Quipu", LocalDate.ofInstant(clock.instant(), LIMA),
                Locale.forLanguageTag(customer.language()));
    }

    private static String contractNumber(OnboardingRecord record) {
        return "QP-" + record.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String contractFileName(OnboardingRecord record) {
        return "contrato-" + contractNumber(record) + ".pdf";
    }

    private static <T> T call(String provider, Supplier<T> remote) {
        try {
            return remote.get();
        } catch (ProviderUnavailableException down) {
            throw CustomerProblems.providerUnavailable(provider);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
