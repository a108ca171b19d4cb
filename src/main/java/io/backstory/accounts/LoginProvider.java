package io.backstory.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the identity provider (Keycloak) answers, asked before sending someone to log in: when it is down, the
 * member gets a page saying so instead of a blank error. The answer is kept for a few seconds so a burst of clicks
 * costs one request to the provider.
 */
@ApplicationScoped
public class LoginProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long REMEMBER_NANOS = Duration.ofSeconds(5).toNanos();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI discovery;
    private volatile boolean reachable;
    private volatile long checkedAt = System.nanoTime() - REMEMBER_NANOS;

    public LoginProvider(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    public boolean reachable() {
        if (System.nanoTime() - checkedAt >= REMEMBER_NANOS) {
            reachable = ask();
            checkedAt = System.nanoTime();
        }
        return reachable;
    }

    private boolean ask() {
        try {
            return http.send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
