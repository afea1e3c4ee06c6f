package org.healthcode.codeissuer.token;

/** Signing keys are missing or unusable. The message names the setting, never its value. */
public class KeyConfigurationException extends RuntimeException {

    public KeyConfigurationException(String message) {
        super(message, null, false, false);
    }
}
