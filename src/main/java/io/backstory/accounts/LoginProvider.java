package io.backstory.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backstory.platform.Limits;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the identity provider (Keycloak) answers, asked before sending someone to log in: when it is down, the
 * member gets a page saying so instead of a blank error. The answer is kept for a few seconds so a burst of clicks
 * costs one request to the provider.
 */
@ApplicationScoped
public class LoginProvider {

    private final Duration timeout;
    private final long rememberNanos;
    private final HttpClient http;
    private final URI discovery;
    private volatile boolean reachable;
    private volatile long checkedAt;

    public LoginProvider(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl, Limits limits) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        this.timeout = limits.login().providerTimeout();
        this.rememberNanos = limits.login().providerCheckEvery().toNanos();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.checkedAt = System.nanoTime() - rememberNanos;
    }

    public boolean reachable() {
        if (System.nanoTime() - checkedAt >= rememberNanos) {
            reachable = ask();
            checkedAt = System.nanoTime();
        }
        return reachable;
    }

    private boolean ask() {
        try {
            return http.send(HttpRequest.newBuilder(discovery).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
