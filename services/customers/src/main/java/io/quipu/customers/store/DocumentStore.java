package io.quipu.customers.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers' documents: the signed contract PDFs. */
@Repository
public class DocumentStore {

    public record StoredDocument(UUID id, UUID customerId, String kind, String fileName, String contentType, byte[] content,
                                 String sha256, String signatureId, Instant createdAt) {
    }

    public record DocumentSummary(UUID id, String kind, String fileName, String contentType, String sha256, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredDocument document) {
        jdbc.sql("""
                        insert into customer_documents (id, customer_id, kind, file_name, content_type, content, sha256, signature_id, created_at)
                        values (:id, :customerId, :kind, :fileName, :contentType, :content, :sha256, :signatureId, :createdAt)""")
                .param("id", document.id()).param("customerId", document.customerId()).param("kind", document.kind())
                .param("fileName", document.fileName()).param("contentType", document.contentType())
                .param("content", document.content()).param("sha256", document.sha256()).param("signatureId", document.signatureId())
                .param("createdAt", Timestamp.from(document.createdAt()))
                .update();
    }

    public Optional<StoredDocument> find(UUID id) {
        return jdbc.sql("select * from customer_documents where id = :id").param("id", id)
                .query((row, number) -> new StoredDocument(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class),
                        row.getString("kind"), row.getString("file_name"), row.getString("content_type"), row.getBytes("content"),
                        row.getString("sha256"), row.getString("signature_id"), row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public List<DocumentSummary> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql("""
                        select id, kind, file_name, content_type, sha256, created_at from customer_documents
                        where customer_id = :customerId order by created_at desc limit :limit""")
                .param("customerId", customerId).param("limit", limit)
                .query((row, number) -> new DocumentSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getTimestamp(6).toInstant()))
                .list();
    }
}
