package io.jvirtd.api.domain;

/**
 * {@code virDomainGetSecurityLabel}.
 *
 * @param label the label, empty when the domain has none
 * @param enforcing whether it is enforced
 */
public record SecurityLabel(String label, boolean enforcing) {
}
