package io.backstory.platform;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the packaged application's login (pages and API) at the real Keycloak of {@link KeycloakServer}. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer.ensureRunning();
        return Map.of(
                "quarkus.oidc.auth-server-url", KeycloakServer.REALM_URL,
                "quarkus.oidc.credentials.secret", KeycloakServer.clientSecret());
    }

    @Override
    public void stop() {
        // Keycloak outlives one test class: several share it, and the JVM's shutdown hook stops it.
    }
}
