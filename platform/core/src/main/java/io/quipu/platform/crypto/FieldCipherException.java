package io.quipu.platform.crypto;

/** A field value that cannot be encrypted or decrypted, or a cipher set up wrongly. Never carries key material. */
public class FieldCipherException extends RuntimeException {

    public FieldCipherException(String message) {
        super(message);
    }

    public FieldCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
