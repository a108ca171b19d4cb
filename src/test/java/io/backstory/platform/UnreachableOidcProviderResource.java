package io.backstory.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Production settings for the packaged app when no identity provider runs: an OIDC URL on a closed local
 * port (and {@link PackagedApp}'s settings). Proves the app starts and serves anonymous readers while Keycloak is
 * unreachable.
 */
public class UnreachableOidcProviderResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>(PackagedApp.settings());
        settings.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:" + closedPort + "/realms/backstory");
        settings.put("quarkus.oidc.credentials.secret", "integration-test-secret-0123456789abcdef");
        return settings;
    }

    @Override
    public void stop() {
    }
}
