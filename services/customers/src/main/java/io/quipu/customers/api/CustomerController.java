package io.quipu.customers.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.customers.BatchCreateCustomersRequest;
import io.quipu.contracts.customers.BatchCreateCustomersResponse;
import io.quipu.contracts.customers.CreateCustomerRequest;
import io.quipu.contracts.customers.CustomerPage;
import io.quipu.contracts.customers.CustomerProfile;
import io.quipu.contracts.customers.CustomerResponse;
import io.quipu.contracts.customers.UpdateCustomerRequest;
import io.quipu.customers.application.CustomerService;
import io.quipu.customers.application.ProfileService;
import io.quipu.customers.domain.CustomerStatus;
import io.quipu.customers.store.DocumentStore;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Customer records, their documents and the 360° view (docs/customers.md). */
@RestController
@Tag(name = "Customers", description = "Customer records: customers see their own; staff per role.")
class CustomerController {

    private static final int MAX_DOCUMENTS = 50;

    private final CustomerService customers;
    private final ProfileService profiles;
    private final DocumentStore documents;

    CustomerController(CustomerService customers, ProfileService profiles, DocumentStore documents) {
        this.customers = customers;
        this.profiles = profiles;
        this.documents = documents;
    }

    @PostMapping("/customers")
    @Operation(summary = "Register a customer at a branch (tellers, administrators, services with customers:write)")
    ResponseEntity<CustomerResponse> create(@Valid @RequestBody CreateCustomerRequest request) {
        CustomerResponse created = customers.create(request);
        return ResponseEntity.created(URI.create("/customers/" + created.id())).body(created);
    }

    @PostMapping("/customers/batch")
    @Operation(summary = "Register up to 1,000 customers in one transaction (tellers, administrators, services with customers:write)",
            description = "Each item is checked like POST /customers and may carry its own id; one result per item, in order: "
                    + "created, exists (same id and document as before), or the problem code with its field errors.")
    BatchCreateCustomersResponse createAll(@Valid @RequestBody BatchCreateCustomersRequest request) {
        return new BatchCreateCustomersResponse(customers.createAll(request.customers()));
    }

    @GetMapping("/customers/{id}")
    @Operation(summary = "A customer: the caller's own record, or any for staff")
    CustomerResponse get(@PathVariable UUID id) {
        return customers.get(id);
    }

    @PatchMapping("/customers/{id}")
    @Operation(summary = "Change contact details (the customer, tellers, administrators)")
    CustomerResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateCustomerRequest request) {
        if (CurrentCaller.isCustomer()) {
            CurrentCaller.requireScope("customers:write");
        } else if (!CurrentCaller.hasRole("teller") && !CurrentCaller.hasRole("admin")) {
            throw ApiException.forbidden("forbidden", "Only the customer, tellers and administrators change a customer.");
        }
        return customers.update(id, request);
    }

    @GetMapping("/customers")
    @Operation(summary = "Search customers (staff): by documentType + documentNumber, by email, or by surnamePrefix")
    CustomerPage search(@RequestParam(required = false) String documentType, @RequestParam(required = false) String documentNumber,
                        @RequestParam(required = false) String email, @RequestParam(required = false) String surnamePrefix,
                        @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        return customers.search(documentType, documentNumber, email, surnamePrefix, cursor, limit);
    }

    @PostMapping("/customers/{id}/block")
    CustomerResponse block(@PathVariable UUID id) {
        return customers.changeStatus(id, CustomerStatus.BLOCKED);
    }

    @PostMapping("/customers/{id}/unblock")
    CustomerResponse unblock(@PathVariable UUID id) {
        return customers.changeStatus(id, CustomerStatus.ACTIVE);
    }

    @PostMapping("/customers/{id}/close")
    CustomerResponse close(@PathVariable UUID id) {
        return customers.changeStatus(id, CustomerStatus.CLOSED);
    }

    @GetMapping("/customers/{id}/profile")
    @Operation(summary = "The customer 360° view: record, accounts with balances, latest movements, loans")
    CustomerProfile profile(@PathVariable UUID id) {
        return profiles.profile(id);
    }

    @GetMapping("/customers/{id}/documents")
    @Operation(summary = "The customer's documents (signed contracts)")
    List<DocumentStore.DocumentSummary> documents(@PathVariable UUID id) {
        customers.visible(id);
        return documents.ofCustomer(id, MAX_DOCUMENTS);
    }

    @GetMapping("/customers/{id}/documents/{documentId}")
    @Operation(summary = "Download a document (PDF)")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        customers.visible(id);
        DocumentStore.StoredDocument document = documents.find(documentId).filter(found -> found.customerId().equals(id))
                .orElseThrow(() -> ApiException.notFound("document_not_found", "No such document."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(document.fileName()).build().toString())
                .body(document.content());
    }
}
