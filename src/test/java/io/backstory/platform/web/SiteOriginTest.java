package io.backstory.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** The public origin setting: required in production, and only ever an origin. */
class SiteOriginTest {

    @Test
    void productionDoesNotStartWithoutAPublicOrigin() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new SiteOrigin(Optional.empty(), LaunchMode.NORMAL));
        assertTrue(missing.getMessage().contains("BACKSTORY_PUBLIC_URL"), missing.getMessage());
        new SiteOrigin(Optional.empty(), LaunchMode.DEVELOPMENT);
        new SiteOrigin(Optional.empty(), LaunchMode.TEST);
    }

    @Test
    void anOriginIsKeptInTheFormOfAnOriginHeader() {
        assertEquals("https://forum.example", SiteOrigin.parse("https://Forum.Example"));
        assertEquals("https://forum.example", SiteOrigin.parse("https://forum.example:443"));
        assertEquals("http://localhost:8080", SiteOrigin.parse(" http://localhost:8080 "));
    }

    @Test
    void anythingButAnOriginIsRefused() {
        for (String bad : new String[] {"forum.example", "https://forum.example/", "https://forum.example/forum",
                "https://forum.example?x=1", "ftp://forum.example", "https://user@forum.example", "https://"}) {
            assertThrows(IllegalArgumentException.class, () -> SiteOrigin.parse(bad), bad);
        }
    }
}
