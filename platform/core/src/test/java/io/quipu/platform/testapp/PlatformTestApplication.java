package io.quipu.platform.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.quipu.platform.events.EventInbox;
import io.quipu.platform.events.Outbox;
import io.quipu.platform.id.Ids;
import io.quipu.platform.money.Money;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;

/** A minimal service built only from platform parts, to test them as a real service uses them. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String TOPIC = "platform-test-events";
    public static final String CONSUMER_GROUP = "platform-test";

    public enum Kind { STANDARD, EXPRESS }

    public record OrderRequest(@NotNull Money amount, @NotNull Kind kind, @NotBlank @Size(max = 40) String reference,
                               @Min(1) @Max(100) int quantity) {
    }

    public record OrderResponse(UUID id, String reference, Money amount, long executions) {
    }

    public record Recorded(int number) {
    }

    @RestController
    static class TestController {
        private final JdbcClient jdbc;

        TestController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/test/orders")
        @ResponseStatus(HttpStatus.CREATED)
        OrderResponse create(@Valid @RequestBody OrderRequest request) throws InterruptedException {
            UUID id = Ids.newId();
            // Slow enough that concurrent duplicates really overlap with the first execution.
            Thread.sleep(200);
            jdbc.sql("insert into orders (id, reference) values (:id, :reference)")
                    .param("id", id).param("reference", request.reference()).update();
            long executions = jdbc.sql("select count(*) from orders where reference = :reference")
                    .param("reference", request.reference()).query(Long.class).single();
            return new OrderResponse(id, request.reference(), request.amount(), executions);
        }

        @GetMapping("/test/orders/{id}")
        Map<String, Object> find(@PathVariable UUID id) {
            throw ApiException.notFound("order_not_found", "No order " + id + ".");
        }

        @PostMapping("/test/echo-length")
        Map<String, Integer> echoLength(@RequestBody String body) {
            return Map.of("length", body.length());
        }

        @GetMapping("/test/whoami")
        Map<String, String> whoAmI() {
            return Map.of("subject", CurrentCaller.subject());
        }
    }

    @Service
    public static class RecordingService {
        private final JdbcClient jdbc;
        private final Outbox outbox;

        RecordingService(JdbcClient jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        /** A state change and the event announcing it, in one transaction. */
        @Transactional
        public void record(int number) {
            jdbc.sql("insert into recorded (number) values (:number)").param("number", number).update();
            outbox.append(TOPIC, "key-" + (number % 7), "io.quipu.test.recorded", new Recorded(number));
        }
    }

    /** The names of the observations started, as a tracing or metrics handler in production sees them. */
    @Component
    public static class ObservedNames implements ObservationHandler<Observation.Context> {
        private final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            names.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        public List<String> names() {
            return names;
        }
    }

    @Component
    static class RecordedListener {
        private final EventInbox inbox;
        private final JdbcClient jdbc;

        RecordedListener(EventInbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = TOPIC, groupId = CONSUMER_GROUP)
        void onRecorded(ConsumerRecord<String, byte[]> record) {
            inbox.process(CONSUMER_GROUP, record, event -> jdbc.sql("insert into received (event_id, number) values (:id, :number)")
                    .param("id", event.id()).param("number", event.data(Recorded.class).number()).update());
        }
    }
}
