package io.quipu.customers.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.quipu.customers.domain.Customer;
import io.quipu.customers.domain.CustomerStatus;
import io.quipu.customers.domain.DocumentType;
import io.quipu.customers.domain.RiskLevel;
import io.quipu.platform.crypto.FieldCipher;

/**
 * Customers in PostgreSQL. Phone, document number and birth date are encrypted here, bound to their row and column
 * (associated data), so a value copied to another row or column does not decrypt; the document is looked up by its
 * blind index. Nothing above this class sees ciphertext.
 */
@Repository
public class CustomerStore {

    /** Upper bound of any page of customers. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Upper bound of customers found for resealing at once. */
    public static final int MAX_RESEAL_BATCH = 1000;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public CustomerStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the e-mail or the document is taken */
    public void insert(Customer customer) {
        jdbc.sql("""
                        insert into customers (id, given_names, paternal_surname, maternal_surname, email, phone_encrypted,
                            document_type, document_number_encrypted, document_index, birth_date_encrypted, address, nationality,
                            occupation, pep, status, risk_level, language, version, created_at, updated_at)
                        values (:id, :givenNames, :paternalSurname, :maternalSurname, :email, :phone, :documentType, :documentNumber,
                            :documentIndex, :birthDate, :address, :nationality, :occupation, :pep, :status, :riskLevel, :language,
                            0, :createdAt, :updatedAt)""")
                .param("id", customer.id())
                .param("givenNames", customer.givenNames())
                .param("paternalSurname", customer.paternalSurname())
                .param("maternalSurname", customer.maternalSurname())
                .param("email", customer.email())
                .param("phone", cipher.encrypt(customer.phone(), associatedData("phone", customer.id())))
                .param("documentType", customer.documentType().name())
                .param("documentNumber", cipher.encrypt(customer.documentNumber(), associatedData("document_number", customer.id())))
                .param("documentIndex", documentIndex(customer.documentType(), customer.documentNumber()))
                .param("birthDate", cipher.encrypt(customer.birthDate().toString(), associatedData("birth_date", customer.id())))
                .param("address", customer.address())
                .param("nationality", customer.nationality())
                .param("occupation", customer.occupation())
                .param("pep", customer.politicallyExposed())
                .param("status", customer.status().name())
                .param("riskLevel", customer.riskLevel().name())
                .param("language", customer.language())
                .param("createdAt", Timestamp.from(customer.createdAt()))
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update();
    }

    /**
     * Inserts the customers whose id, e-mail and document are all free, with one INSERT … SELECT FROM unnest(arrays),
     * without failing the transaction when one is taken (a concurrent registration won the race).
     *
     * @return the ids inserted; a customer left out collided with a stored one, or with an earlier one of the list
     */
    public Set<UUID> insertAllIfAbsent(List<Customer> customers) {
        if (customers.isEmpty()) {
            return Set.of();
        }
        int size = customers.size();
        UUID[] ids = new UUID[size];
        String[] givenNames = new String[size];
        String[] paternalSurnames = new String[size];
        String[] maternalSurnames = new String[size];
        String[] emails = new String[size];
        String[] phones = new String[size];
        String[] documentTypes = new String[size];
        String[] documentNumbers = new String[size];
        String[] documentIndexes = new String[size];
        String[] birthDates = new String[size];
        String[] addresses = new String[size];
        String[] nationalities = new String[size];
        String[] occupations = new String[size];
        Boolean[] peps = new Boolean[size];
        String[] statuses = new String[size];
        String[] riskLevels = new String[size];
        String[] languages = new String[size];
        String[] createdAt = new String[size];
        String[] updatedAt = new String[size];
        for (int index = 0; index < size; index++) {
            Customer customer = customers.get(index);
            ids[index] = customer.id();
            givenNames[index] = customer.givenNames();
            paternalSurnames[index] = customer.paternalSurname();
            maternalSurnames[index] = customer.maternalSurname();
            emails[index] = customer.email();
            phones[index] = cipher.encrypt(customer.phone(), associatedData("phone", customer.id()));
            documentTypes[index] = customer.documentType().name();
            documentNumbers[index] = cipher.encrypt(customer.documentNumber(), associatedData("document_number", customer.id()));
            documentIndexes[index] = documentIndex(customer.documentType(), customer.documentNumber());
            birthDates[index] = cipher.encrypt(customer.birthDate().toString(), associatedData("birth_date", customer.id()));
            addresses[index] = customer.address();
            nationalities[index] = customer.nationality();
            occupations[index] = customer.occupation();
            peps[index] = customer.politicallyExposed();
            statuses[index] = customer.status().name();
            riskLevels[index] = customer.riskLevel().name();
            languages[index] = customer.language();
            createdAt[index] = customer.createdAt().toString();
            updatedAt[index] = customer.updatedAt().toString();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into customers (id, given_names, paternal_surname, maternal_surname, email, phone_encrypted,
                            document_type, document_number_encrypted, document_index, birth_date_encrypted, address, nationality,
                            occupation, pep, status, risk_level, language, version, created_at, updated_at)
                        select id, given_names, paternal_surname, maternal_surname, email, phone, document_type, document_number,
                               document_index, birth_date, address, nationality, occupation, pep, status, risk_level, language,
                               0, created_at, updated_at
                        from unnest(:ids::uuid[], :givenNames::text[], :paternalSurnames::text[], :maternalSurnames::text[],
                                    :emails::text[], :phones::text[], :documentTypes::text[], :documentNumbers::text[],
                                    :documentIndexes::text[], :birthDates::text[], :addresses::text[], :nationalities::text[],
                                    :occupations::text[], :peps::boolean[], :statuses::text[], :riskLevels::text[],
                                    :languages::text[], :createdAt::timestamptz[], :updatedAt::timestamptz[])
                             as batch(id, given_names, paternal_surname, maternal_surname, email, phone, document_type,
                                      document_number, document_index, birth_date, address, nationality, occupation, pep,
                                      status, risk_level, language, created_at, updated_at)
                        on conflict do nothing
                        returning id""")
                .param("ids", ids).param("givenNames", givenNames).param("paternalSurnames", paternalSurnames)
                .param("maternalSurnames", maternalSurnames).param("emails", emails).param("phones", phones)
                .param("documentTypes", documentTypes).param("documentNumbers", documentNumbers)
                .param("documentIndexes", documentIndexes).param("birthDates", birthDates).param("addresses", addresses)
                .param("nationalities", nationalities).param("occupations", occupations).param("peps", peps)
                .param("statuses", statuses).param("riskLevels", riskLevels).param("languages", languages)
                .param("createdAt", createdAt).param("updatedAt", updatedAt)
                .query(UUID.class).list());
    }

    /**
     * Writes the changeable fields if the row is still at the version the change was based on.
     *
     * @return false when someone else changed the customer meanwhile (the caller answers 409)
     */
    public boolean update(Customer customer) {
        return jdbc.sql("""
                        update customers set email = :email, phone_encrypted = :phone, address = :address, occupation = :occupation,
                            status = :status, risk_level = :riskLevel, pep = :pep, language = :language, version = version + 1,
                            updated_at = :updatedAt
                        where id = :id and version = :version""")
                .param("email", customer.email())
                .param("phone", cipher.encrypt(customer.phone(), associatedData("phone", customer.id())))
                .param("address", customer.address())
                .param("occupation", customer.occupation())
                .param("status", customer.status().name())
                .param("riskLevel", customer.riskLevel().name())
                .param("pep", customer.politicallyExposed())
                .param("language", customer.language())
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .param("id", customer.id())
                .param("version", customer.version())
                .update() == 1;
    }

    public Optional<Customer> find(UUID id) {
        return jdbc.sql("select * from customers where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Customer> findByDocument(DocumentType type, String number) {
        return jdbc.sql("select * from customers where document_type = :type and document_index = :index")
                .param("type", type.name()).param("index", documentIndex(type, number))
                .query(this::map).optional();
    }

    public Optional<Customer> findByEmail(String email) {
        return jdbc.sql("select * from customers where email = :email").param("email", email).query(this::map).optional();
    }

    /** The stored customers among {@code ids}, by id. */
    public Map<UUID, Customer> findAll(Collection<UUID> ids) {
        Map<UUID, Customer> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from customers where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query(this::map).list().forEach(customer -> found.put(customer.id(), customer));
        }
        return found;
    }

    /** A document as the bank identifies a person by it. */
    public record DocumentKey(DocumentType type, String number) {
    }

    /** Which of {@code documents} a stored customer has, found by their blind index (nothing is decrypted). */
    public Set<DocumentKey> takenDocuments(Collection<DocumentKey> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        Map<String, DocumentKey> byIndex = new HashMap<>();
        documents.forEach(document -> byIndex.put(documentIndex(document.type(), document.number()), document));
        Set<DocumentKey> taken = new HashSet<>();
        jdbc.sql("select document_type, document_index from customers where document_index = any(:indexes)")
                .param("indexes", byIndex.keySet().toArray(String[]::new))
                .query((row, number) -> Map.entry(row.getString("document_type"), row.getString("document_index")))
                .list()
                .forEach(stored -> {
                    DocumentKey document = byIndex.get(stored.getValue());
                    if (document != null && document.type().name().equals(stored.getKey())) {
                        taken.add(document);
                    }
                });
        return taken;
    }

    /** Which of the (normalised) {@code emails} a stored customer has. */
    public Set<String> takenEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select email from customers where email = any(:emails)")
                .param("emails", emails.toArray(String[]::new)).query(String.class).list());
    }

    /** Customers whose paternal surname starts with {@code prefix} (any case), by surname then id, after {@code after}. */
    public List<Customer> searchBySurnamePrefix(String prefix, SurnameCursor after, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE_SIZE);
        }
        String pattern = prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select * from customers
                        where lower(paternal_surname) like :pattern
                          and (cast(:afterSurname as text) is null or (lower(paternal_surname), id) > (:afterSurname, :afterId))
                        order by lower(paternal_surname), id
                        limit :limit""")
                .param("pattern", pattern)
                .param("afterSurname", after == null ? null : after.surname())
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(this::map).list();
    }

    /** Where the next page of a surname search starts. */
    public record SurnameCursor(String surname, UUID id) {
    }

    /**
     * Customers with a value sealed under another key than the active one (after a key rotation), at most {@code limit}.
     * The key id is part of every stored value, so nothing is decrypted to find them.
     */
    public List<UUID> sealedWithRetiredKeys(int limit) {
        if (limit < 1 || limit > MAX_RESEAL_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_RESEAL_BATCH);
        }
        return jdbc.sql("""
                        select id from customers
                        where phone_encrypted not like :prefix or document_number_encrypted not like :prefix
                           or birth_date_encrypted not like :prefix
                        limit :limit""")
                .param("prefix", cipher.activeKeyPrefix() + "%").param("limit", limit)
                .query(UUID.class).list();
    }

    /**
     * Seals the customer's encrypted values again under the active key. The plaintexts and the row's version do not
     * change: this is not a change of the customer, and a concurrent update (which seals with the active key anyway)
     * neither waits on nor conflicts with it beyond the row lock.
     *
     * @return whether anything was rewritten
     */
    @Transactional
    public boolean reseal(UUID id) {
        List<String> stored = jdbc.sql("""
                        select phone_encrypted, document_number_encrypted, birth_date_encrypted from customers
                        where id = :id for update""")
                .param("id", id).query((row, number) -> List.of(row.getString(1), row.getString(2), row.getString(3)))
                .optional().orElse(List.of());
        if (stored.isEmpty() || stored.stream().noneMatch(cipher::needsReencryption)) {
            return false;
        }
        return jdbc.sql("""
                        update customers set phone_encrypted = :phone, document_number_encrypted = :documentNumber,
                            birth_date_encrypted = :birthDate
                        where id = :id""")
                .param("phone", resealed(stored.get(0), associatedData("phone", id)))
                .param("documentNumber", resealed(stored.get(1), associatedData("document_number", id)))
                .param("birthDate", resealed(stored.get(2), associatedData("birth_date", id)))
                .param("id", id)
                .update() == 1;
    }

    private String resealed(String stored, String associatedData) {
        return cipher.needsReencryption(stored) ? cipher.encrypt(cipher.decrypt(stored, associatedData), associatedData) : stored;
    }

    /** The raw stored value of an encrypted column: for tests proving what is at rest. */
    public String storedValue(UUID id, String column) {
        if (!List.of("phone_encrypted", "document_number_encrypted", "birth_date_encrypted").contains(column)) {
            throw new IllegalArgumentException("not an encrypted column: " + column);
        }
        return jdbc.sql("select " + column + " from customers where id = :id").param("id", id).query(String.class).single();
    }

    private String documentIndex(DocumentType type, String number) {
        return cipher.blindIndex(type.name() + ":" + number);
    }

    private static String associatedData(String column, UUID id) {
        return "customers." + column + ":" + id;
    }

    private Customer map(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new Customer(id,
                row.getString("given_names"),
                row.getString("paternal_surname"),
                row.getString("maternal_surname"),
                row.getString("email"),
                cipher.decrypt(row.getString("phone_encrypted"), associatedData("phone", id)),
                DocumentType.valueOf(row.getString("document_type")),
                cipher.decrypt(row.getString("document_number_encrypted"), associatedData("document_number", id)),
                LocalDate.parse(cipher.decrypt(row.getString("birth_date_encrypted"), associatedData("birth_date", id))),
                row.getString("address"),
                row.getString("nationality"),
                row.getString("occupation"),
                row.getBoolean("pep"),
                CustomerStatus.valueOf(row.getString("status")),
                RiskLevel.valueOf(row.getString("risk_level")),
                row.getString("language"),
                row.getLong("version"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
