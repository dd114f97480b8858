package io.quipu.launcher;

import java.util.List;

/**
 * The arguments of {@code quipu seed}.
 *
 * @param customers how many demo customers (each with an account, a deposit and a payment): {@code --customers N}
 */
record SeedOptions(int customers) {

    static final int DEFAULT_CUSTOMERS = 20_000;

    SeedOptions {
        if (customers < 1 || customers > DemoData.MAX_CUSTOMERS) {
            throw new IllegalArgumentException("--customers must be 1 to " + DemoData.MAX_CUSTOMERS + ": " + customers);
        }
    }

    static SeedOptions parse(List<String> arguments) {
        int customers = DEFAULT_CUSTOMERS;
        for (int index = 0; index < arguments.size(); index++) {
            String argument = arguments.get(index);
            String value;
            if (argument.equals("--customers")) {
                if (index + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("--customers needs a number, for example --customers 5000");
                }
                value = arguments.get(++index);
            } else if (argument.startsWith("--customers=")) {
                value = argument.substring("--customers=".length());
            } else {
                throw new IllegalArgumentException("unknown option for seed: " + argument + " (see quipu help)");
            }
            try {
                customers = Integer.parseInt(value.replace("_", "").replace(",", "").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--customers needs a number, for example --customers 5000: " + value, e);
            }
        }
        return new SeedOptions(customers);
    }
}
