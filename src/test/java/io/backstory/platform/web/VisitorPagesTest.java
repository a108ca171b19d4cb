package io.backstory.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class VisitorPagesTest {

    @Test
    void gzipIsSentToBrowsersThatTakeIt() {
        assertTrue(VisitorPages.acceptsGzip("gzip, deflate, br"));
        assertTrue(VisitorPages.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(VisitorPages.acceptsGzip(null));
        assertFalse(VisitorPages.acceptsGzip("identity"));
        assertFalse(VisitorPages.acceptsGzip("br, gzip;q=0"));
        assertFalse(VisitorPages.acceptsGzip("gzip;q=0.0"));
        assertFalse(VisitorPages.acceptsGzip("x-gzip"));
    }

    @Test
    void aPageIsKeptAsItsBytesAndTheirGzipWithATagOfItsOwn() throws IOException {
        String html = "<p>Heat and short walks 🚶, then the physio's exercises.</p>".repeat(200);
        VisitorPages.Page page = VisitorPages.Page.of(html);
        assertArrayEquals(html.getBytes(StandardCharsets.UTF_8), page.body());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.gzipped()))) {
            assertArrayEquals(page.body(), in.readAllBytes());
        }
        assertTrue(page.gzipped().length < page.body().length / 10, "a repetitive page compresses well");
        assertNotEquals(page.etag(), VisitorPages.Page.of(html).etag(), "each rendering has its own tag");
    }
}
