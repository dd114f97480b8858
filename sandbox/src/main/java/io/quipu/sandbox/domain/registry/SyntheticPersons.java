package io.quipu.sandbox.domain.registry;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.quipu.sandbox.domain.Hashes;

/**
 * Invents the person behind a document number nobody registered explicitly, the same person for the same number
 * every time: every choice comes from the SHA-256 of the document, read a few bytes at a time.
 *
 * <p>The birth date keeps the person an adult without becoming implausibly old: the birth year is 20 to 75 years
 * before the clock's year, so the age is between 19 and 75 and the date only changes when the year does.
 */
public final class SyntheticPersons {

    static final int YOUNGEST_BIRTH_YEARS_AGO = 20;
    static final int OLDEST_BIRTH_YEARS_AGO = 75;

    private static final List<String> PERU_ADDRESSES = List.of(
            "Av. Arequipa %d, Lince, Lima", "Jr. de la Unión %d, Cercado de Lima, Lima",
            "Av. Javier Prado Este %d, San Isidro, Lima", "Calle Los Pinos %d, Miraflores, Lima",
            "Av. Brasil %d, Jesús María, Lima", "Av. Ejército %d, Yanahuara, Arequipa",
            "Av. El Sol %d, Cusco, Cusco", "Jr. Pizarro %d, Trujillo, La Libertad",
            "Av. Grau %d, Piura, Piura", "Jr. Lima %d, Puno, Puno", "Av. Túpac Amaru %d, Comas, Lima",
            "Calle Real %d, Huancayo, Junín");
    private static final List<String> ECUADOR_ADDRESSES = List.of(
            "Av. Amazonas N%d, Quito, Pichincha", "Av. 9 de Octubre %d, Guayaquil, Guayas",
            "Calle Larga %d, Cuenca, Azuay", "Av. de los Shyris N%d, Quito, Pichincha",
            "Av. Bolívar %d, Ambato, Tungurahua", "Calle Sucre %d, Loja, Loja");

    private final NameLists names;

    public SyntheticPersons(NameLists names) {
        this.names = names;
    }

    public RegisteredPerson personFor(DocumentType documentType, String documentNumber, LocalDate today) {
        Choices choices = new Choices(Hashes.sha256(documentType.name() + ":" + documentNumber));
        boolean female = choices.next(2) == 0;
        List<String> givenNames = female ? names.femaleGivenNames() : names.maleGivenNames();
        String firstName = choices.pick(givenNames);
        // About half of the people have a second given name, as in the registry.
        String secondName = choices.next(2) == 0 ? choices.pick(givenNames) : null;
        String given = secondName == null || secondName.equals(firstName) ? firstName : firstName + " " + secondName;
        String paternalSurname = choices.pick(names.surnames());
        String maternalSurname = choices.pick(names.surnames());
        int birthYear = today.getYear() - YOUNGEST_BIRTH_YEARS_AGO - choices.next(OLDEST_BIRTH_YEARS_AGO - YOUNGEST_BIRTH_YEARS_AGO + 1);
        LocalDate firstDay = LocalDate.of(birthYear, 1, 1);
        LocalDate birthDate = firstDay.plusDays(choices.next(firstDay.lengthOfYear()));
        List<String> addresses = documentType == DocumentType.CEDULA_EC ? ECUADOR_ADDRESSES : PERU_ADDRESSES;
        String address = String.format(Locale.ROOT, choices.pick(addresses), 100 + choices.next(3_900));
        return new RegisteredPerson(documentType, documentNumber, given, paternalSurname, maternalSurname, birthDate,
                female ? "F" : "M", address, photoReferenceOf(documentType, documentNumber), false);
    }

    /** The registry's photo of a document: opaque to clients, stable for the document. */
    public static String photoReferenceOf(DocumentType documentType, String documentNumber) {
        byte[] hash = Hashes.sha256("photo:" + documentType.name() + ":" + documentNumber);
        return "reniec-photo-" + HexFormat.of().formatHex(hash, 0, 12);
    }

    /** Reads the hash two bytes at a time; wraps around, which is fine for the dozen choices made. */
    private static final class Choices {
        private final byte[] hash;
        private int position;

        Choices(byte[] hash) {
            this.hash = hash;
        }

        int next(int bound) {
            int value = ((hash[position % hash.length] & 0xFF) << 8) | (hash[(position + 1) % hash.length] & 0xFF);
            position += 2;
            return value % bound;
        }

        String pick(List<String> values) {
            return values.get(next(values.size()));
        }
    }
}
