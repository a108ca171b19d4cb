package io.backstory.platform;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the packaged application's login (pages and API) at the real Keycloak of {@link KeycloakServer}, with
 * {@link PackagedApp}'s settings.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer.ensureRunning();
        Map<String, String> settings = new HashMap<>(PackagedApp.settings());
        settings.put("quarkus.oidc.auth-server-url", KeycloakServer.REALM_URL);
        settings.put("quarkus.oidc.credentials.secret", KeycloakServer.clientSecret());
        return settings;
    }

    @Override
    public void stop() {
        // Keycloak outlives one test class: several share it, and the JVM's shutdown hook stops it.
    }
}
