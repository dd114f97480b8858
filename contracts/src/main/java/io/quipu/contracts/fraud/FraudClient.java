package io.quipu.contracts.fraud;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The fraud service's HTTP API for the payments service (scopes fraud:check and fraud:read). */
@HttpExchange
public interface FraudClient {

    @PostExchange("/fraud/checks")
    FraudDecision check(@RequestBody FraudCheckRequest request);

    @GetExchange("/fraud/cases/{id}")
    FraudCase fraudCase(@PathVariable UUID id);
}
