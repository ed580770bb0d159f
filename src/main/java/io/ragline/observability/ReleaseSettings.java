package io.ragline.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ragline.release.*}.
 *
 * @param version the version {@code /health} reports: set by the deployment (the image's {@code VERSION}
 *                build argument, {@code scripts/deploy <version>}); the build's own version when unset
 */
@ConfigurationProperties("ragline.release")
public record ReleaseSettings(String version) {
}
