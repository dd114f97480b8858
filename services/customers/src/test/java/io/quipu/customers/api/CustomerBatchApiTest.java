package io.quipu.customers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.quipu.customers.domain.Customer;
import io.quipu.customers.store.CustomerStore;
import io.quipu.platform.crypto.FieldCipher;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /customers/batch} over HTTP against real PostgreSQL: the rules of {@code POST /customers}, per item. */
@EmbeddedInfrastructure(database = "customers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.customers.client-secret=secret"})
class CustomerBatchApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    CustomerStore customerStore;
    @Autowired
    JdbcClient jdbc;
    @Value("${quipu.customers.encryption.keys}")
    String encryptionKeys;
    @Value("${quipu.customers.encryption.active-key-id}")
    String activeKeyId;
    @Value("${quipu.customers.encryption.index-key}")
    String indexKey;

    @Test
    void aServiceRegistersABatchEncryptedAtRestAndARepeatCreatesNothingTwice() {
        TestHttp seeder = asService("customers:write", "customers:read");
        List<Map<String, Object>> items = List.of(person(UUID.randomUUID()), person(UUID.randomUUID()), person(UUID.randomUUID()));

        JsonNode first = results(seeder.post("/customers/batch", json(Map.of("customers", items))), 200);
        assertThat(codes(first)).containsExactly("created", "created", "created");
        for (int index = 0; index < items.size(); index++) {
            JsonNode result = first.get(index);
            assertThat(result.get("index").asInt()).isEqualTo(index);
            assertThat(result.get("id").asString()).isEqualTo(items.get(index).get("id").toString());
            assertThat(result.get("customer").get("documentNumber").asString()).isEqualTo(items.get(index).get("documentNumber"));
            assertThat(result.get("customer").get("status").asString()).isEqualTo("active");
        }
        UUID id = UUID.fromString(items.get(0).get("id").toString());
        assertThat(customerStore.storedValue(id, "document_number_encrypted")).startsWith("v1:")
                .doesNotContain(items.get(0).get("documentNumber").toString());
        JsonNode read = JSON.readTree(seeder.get("/customers/" + id).body());
        assertThat(read.get("email").asString()).isEqualTo(items.get(0).get("email"));

        // The same batch again (a seeder run twice): every item is recognised by its id, nothing new is stored.
        JsonNode again = results(seeder.post("/customers/batch", json(Map.of("customers", items))), 200);
        assertThat(codes(again)).containsExactly("exists", "exists", "exists");
        assertThat(again.get(0).get("customer").get("createdAt").asString())
                .isEqualTo(first.get(0).get("customer").get("createdAt").asString());
    }

    @Test
    void afterAKeyRotationACustomersValuesAreSealedAgainUnderTheNewKeyAndReadTheSame() {
        TestHttp seeder = asService("customers:write", "customers:read");
        Map<String, Object> item = person(UUID.randomUUID());
        assertThat(codes(results(seeder.post("/customers/batch", json(Map.of("customers", List.of(item)))), 200)))
                .containsExactly("created");
        UUID id = UUID.fromString(item.get("id").toString());
        Customer before = customerStore.find(id).orElseThrow();

        // The operator adds key k2 and makes it the active one; dev1 stays for reading.
        String newKey = Base64.getEncoder().encodeToString("a-new-32-byte-key-for-field-enc!".getBytes(StandardCharsets.US_ASCII));
        CustomerStore rotated = new CustomerStore(jdbc, FieldCipher.fromConfiguration(encryptionKeys + ",k2:" + newKey, "k2", indexKey));
        assertThat(rotated.sealedWithRetiredKeys(CustomerStore.MAX_RESEAL_BATCH)).contains(id);
        assertThat(rotated.reseal(id)).isTrue();
        assertThat(rotated.reseal(id)).as("nothing left to reseal").isFalse();
        for (String column : List.of("phone_encrypted", "document_number_encrypted", "birth_date_encrypted")) {
            assertThat(customerStore.storedValue(id, column)).startsWith("v1:k2:");
        }
        Customer after = rotated.find(id).orElseThrow();
        assertThat(after).isEqualTo(before); // same values, same version: not a change of the customer
        assertThat(rotated.sealedWithRetiredKeys(CustomerStore.MAX_RESEAL_BATCH)).doesNotContain(id);

        // Back under dev1, for the other tests of this database (a rotation the other way round).
        CustomerStore back = new CustomerStore(jdbc, FieldCipher.fromConfiguration(encryptionKeys + ",k2:" + newKey, activeKeyId, indexKey));
        assertThat(back.reseal(id)).isTrue();
        assertThat(customerStore.find(id).orElseThrow()).isEqualTo(before);
    }

    @Test
    void anInvalidItemIsItsOwnResultAndTheOthersAreRegistered() {
        Map<String, Object> valid = person(UUID.randomUUID());
        Map<String, Object> shortDni = with(person(UUID.randomUUID()), "documentNumber", "1234567");
        Map<String, Object> noEmail = with(person(UUID.randomUUID()), "email", null);
        Map<String, Object> minor = with(person(UUID.randomUUID()), "birthDate", LocalDate.now().minusYears(17).toString());
        Map<String, Object> sameDocument = with(person(UUID.randomUUID()), "documentNumber", valid.get("documentNumber"));
        Map<String, Object> sameEmail = with(person(UUID.randomUUID()), "email", valid.get("email"));
        Map<String, Object> withoutId = person(null);

        JsonNode results = results(asTeller().post("/customers/batch", json(Map.of("customers",
                List.of(valid, shortDni, noEmail, minor, sameDocument, sameEmail, withoutId)))), 200);

        assertThat(codes(results)).containsExactly("created", "validation_failed", "validation_failed", "validation_failed",
                "document_taken", "email_taken", "created");
        assertThat(error(results.get(1))).isEqualTo("documentNumber:invalid_length");
        assertThat(error(results.get(2))).isEqualTo("email:required");
        assertThat(error(results.get(3))).isEqualTo("birthDate:under_age");
        assertThat(results.get(4).get("detail").asString()).isNotBlank();
        assertThat(results.get(1).get("customer").isNull()).isTrue();
        // An item without an id gets one from the service.
        UUID generated = UUID.fromString(results.get(6).get("id").asString());
        assertThat(customerStore.find(generated)).isPresent();
        assertThat(customerStore.find(UUID.fromString(shortDni.get("id").toString()))).isEmpty();
        assertThat(customerStore.find(UUID.fromString(sameEmail.get("id").toString()))).isEmpty();
    }

    @Test
    void anIdRepeatedInOneBatchIsTheSameCustomerOrRefused() {
        UUID id = UUID.randomUUID();
        Map<String, Object> customer = person(id);
        Map<String, Object> otherPersonSameId = person(id);

        JsonNode results = results(asService("customers:write").post("/customers/batch",
                json(Map.of("customers", List.of(customer, customer, otherPersonSameId)))), 200);

        assertThat(codes(results)).containsExactly("created", "exists", "id_taken");
        assertThat(customerStore.find(id).orElseThrow().documentNumber()).isEqualTo(customer.get("documentNumber"));
    }

    @Test
    void aBatchOutsideItsBoundsIsRefusedWhole() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int index = 0; index < 1001; index++) {
            tooMany.add(person(UUID.randomUUID()));
        }
        TestHttp teller = asTeller();
        JsonNode oversized = problem(teller.post("/customers/batch", json(Map.of("customers", tooMany))), 400, "validation_failed");
        assertThat(oversized.get("errors").get(0).get("field").asString()).isEqualTo("customers");
        assertThat(customerStore.find(UUID.fromString(tooMany.get(0).get("id").toString()))).isEmpty();
        problem(teller.post("/customers/batch", json(Map.of("customers", List.of()))), 400, "validation_failed");
        problem(teller.post("/customers/batch", "{\"customers\":[{\"birthDate\":\"yesterday\"}]}"), 400, "validation_failed");
        problem(teller.post("/customers/batch", "{"), 400, "malformed_json");
    }

    @Test
    void onlyTellersAdministratorsAndServicesWithCustomersWriteRegister() {
        String body = json(Map.of("customers", List.of(person(UUID.randomUUID()))));
        UUID customerId = UUID.randomUUID();
        problem(new TestHttp(port, TestTokens.get().customer(customerId, "customers", "customers:read", "customers:write"))
                .post("/customers/batch", body), 403, "forbidden");
        problem(new TestHttp(port, TestTokens.get().staff("demo.analyst", "customers", List.of("analyst"), "customers:read"))
                .post("/customers/batch", body), 403, "forbidden");
        problem(asService("customers:read").post("/customers/batch", body), 403, "forbidden");
        problem(new TestHttp(port, null).post("/customers/batch", body), 401, "unauthenticated");
        // The single registration takes the same callers.
        problem(new TestHttp(port, TestTokens.get().customer(customerId, "customers", "customers:write"))
                .post("/customers", json(without(person(null), "id"))), 403, "forbidden");
        HttpResponse<String> single = asService("customers:write").post("/customers", json(without(person(null), "id")));
        assertThat(single.statusCode()).as(single.body()).isEqualTo(201);
        assertThat(codes(results(new TestHttp(port, TestTokens.get().staff("demo.admin", "customers", List.of("admin"), "customers:read"))
                .post("/customers/batch", body), 200))).containsExactly("created");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------------

    TestHttp asService(String... scopes) {
        return new TestHttp(port, TestTokens.get().service("seeder", "customers", scopes));
    }

    TestHttp asTeller() {
        return new TestHttp(port, TestTokens.get().staff("demo.teller", "customers", List.of("teller"), "customers:read"));
    }

    /** A valid adult with a DNI no other test uses (10,000,000 – 19,999,999) and a unique e-mail. */
    static Map<String, Object> person(UUID id) {
        String dni = Integer.toString(ThreadLocalRandom.current().nextInt(10_000_000, 20_000_000));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", id == null ? null : id.toString());
        person.put("givenNames", "Rosa Elena");
        person.put("paternalSurname", "Huamán");
        person.put("maternalSurname", "Ccori");
        person.put("email", "rosa." + UUID.randomUUID() + "@example.pe");
        person.put("phone", "+51987" + dni.substring(2));
        person.put("documentType", "DNI");
        person.put("documentNumber", dni);
        person.put("birthDate", "1979-08-21");
        person.put("address", "Jr. Junín 321, Cusco");
        person.put("nationality", "PE");
        person.put("occupation", "comerciante");
        person.put("language", "es");
        return person;
    }

    static Map<String, Object> with(Map<String, Object> person, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(person);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> person, String field) {
        Map<String, Object> changed = new HashMap<>(person);
        changed.remove(field);
        return changed;
    }

    static JsonNode results(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).get("results");
    }

    static List<String> codes(JsonNode results) {
        List<String> codes = new ArrayList<>();
        results.forEach(result -> codes.add(result.get("result").asString()));
        return codes;
    }

    /** The item's only field error as {@code field:code}. */
    static String error(JsonNode result) {
        assertThat(result.get("errors")).as(result.toString()).hasSize(1);
        return result.get("errors").get(0).get("field").asString() + ":" + result.get("errors").get(0).get("code").asString();
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        return problem;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
