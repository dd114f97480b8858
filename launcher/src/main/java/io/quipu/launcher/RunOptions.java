package io.quipu.launcher;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code quipu run}.
 *
 * @param only the services named with {@code --only a,b} (or {@code --only=a,b}); empty means the whole platform
 */
record RunOptions(Optional<Set<String>> only) {

    static RunOptions parse(List<String> arguments) {
        Optional<Set<String>> only = Optional.empty();
        for (int index = 0; index < arguments.size(); index++) {
            String argument = arguments.get(index);
            String names;
            if (argument.equals("--only")) {
                if (index + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("--only needs a list of services, for example --only ledger,identity");
                }
                names = arguments.get(++index);
            } else if (argument.startsWith("--only=")) {
                names = argument.substring("--only=".length());
            } else {
                throw new IllegalArgumentException("unknown option for run: " + argument + " (see quipu help)");
            }
            Set<String> parsed = new LinkedHashSet<>(only.orElse(Set.of()));
            Arrays.stream(names.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .forEach(parsed::add);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("--only needs a list of services, for example --only ledger,identity");
            }
            only = Optional.of(parsed);
        }
        return new RunOptions(only);
    }
}
