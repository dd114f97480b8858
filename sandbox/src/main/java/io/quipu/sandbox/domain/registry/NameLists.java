package io.quipu.sandbox.domain.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The names synthetic persons are made of: common Peruvian given names (by gender) and surnames. */
public record NameLists(List<String> femaleGivenNames, List<String> maleGivenNames, List<String> surnames) {

    public NameLists {
        femaleGivenNames = nonEmptyCopy(femaleGivenNames, "femaleGivenNames");
        maleGivenNames = nonEmptyCopy(maleGivenNames, "maleGivenNames");
        surnames = nonEmptyCopy(surnames, "surnames");
    }

    /** The lists bundled with the sandbox in {@code registry/*.txt}: one name a line, {@code #} starts a comment. */
    public static NameLists bundled() {
        return new NameLists(resource("female-given-names.txt"), resource("male-given-names.txt"), resource("surnames.txt"));
    }

    private static List<String> resource(String name) {
        try (InputStream stream = NameLists.class.getResourceAsStream("/registry/" + name)) {
            if (stream == null) {
                throw new IllegalStateException("missing bundled name list registry/" + name);
            }
            return lines(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(BufferedReader reader) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> nonEmptyCopy(List<String> names, String what) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return List.copyOf(names);
    }
}
