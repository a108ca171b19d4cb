package io.backstory.platform;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the packaged application's login (pages and API) at the real Keycloak of {@link KeycloakServer}, with
 * {@link PackagedApp}'s settings and the token age the app accepts ({@link #tokenAge()}).
 * <p>
 * The age is always stated, because Quarkus sets each test resource's settings as system properties of the test JVM
 * and hands every {@code quarkus.*} system property to each packaged app it launches afterwards: one class's short
 * logins would otherwise carry over to the next class's app, whose logins would then run out mid-test.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer.ensureRunning();
        Map<String, String> settings = new HashMap<>(PackagedApp.settings());
        settings.put("quarkus.oidc.auth-server-url", KeycloakServer.REALM_URL);
        settings.put("quarkus.oidc.credentials.secret", KeycloakServer.clientSecret());
        settings.put("quarkus.oidc.token.age", tokenAge());
        return settings;
    }

    /** The longest the app accepts a login's token after it was issued; empty: no limit beyond its expiry (production). */
    protected String tokenAge() {
        return "";
    }

    @Override
    public void stop() {
        // Keycloak outlives one test class: several share it, and the JVM's shutdown hook stops it.
    }
}
