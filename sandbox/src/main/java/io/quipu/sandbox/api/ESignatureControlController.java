package io.quipu.sandbox.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.esign.SigningIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sandbox's control panel of the e-signature provider: its certificate, to verify the signatures it makes. */
@RestController
@Tag(name = "E-signature provider control", description = "The certificate the simulated e-signature provider signs with.")
public class ESignatureControlController {

    private final SigningIdentity identity;

    public ESignatureControlController(SigningIdentity identity) {
        this.identity = identity;
    }

    @GetMapping(path = "/sandbox/esign/certificate", produces = "application/x-pem-file")
    @Operation(summary = "The signing certificate in PEM (self-signed, made when the sandbox started)")
    public ResponseEntity<String> certificate() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file")).body(identity.certificatePem());
    }
}
