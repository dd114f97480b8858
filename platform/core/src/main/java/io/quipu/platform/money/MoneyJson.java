package io.quipu.platform.money;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/** JSON form of {@link Money}: {@code {"amount":"1250.00","currency":"PEN"}}. A JSON number is refused: floats lose cents. */
public final class MoneyJson {

    private MoneyJson() {
    }

    public static final class Serializer extends ValueSerializer<Money> {
        @Override
        public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
            generator.writeStartObject();
            generator.writeStringProperty("amount", money.toDecimalString());
            generator.writeStringProperty("currency", money.currencyCode());
            generator.writeEndObject();
        }
    }

    public static final class Deserializer extends ValueDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (Money) context.handleUnexpectedToken(Money.class, parser);
            }
            JsonNode node = context.readTree(parser);
            JsonNode amount = node.get("amount");
            JsonNode currency = node.get("currency");
            if (amount == null || !amount.isString()) {
                return (Money) context.reportInputMismatch(Money.class,
                        "amount must be a decimal string such as \"1250.00\"");
            }
            if (currency == null || !currency.isString()) {
                return (Money) context.reportInputMismatch(Money.class, "currency must be an ISO 4217 code such as \"PEN\"");
            }
            try {
                return Money.parse(amount.asString(), currency.asString());
            } catch (IllegalArgumentException e) {
                return (Money) context.reportInputMismatch(Money.class, e.getMessage());
            }
        }
    }
}
