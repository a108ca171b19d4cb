package io.backstory.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** How the shared read models age (plain JUnit, a clock of our own): fresh, then one reload while others read the old value. */
class ReadCacheReloadTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong(1);
    private final AtomicLong generation = new AtomicLong(1);
    private final ReadCache cache = new ReadCache(generation::get, TTL, 1_000_000, nanos::get);

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void aValueIsLoadedOncePerTtlAndGenerationAndFoundOnlyWhileFresh() {
        AtomicInteger loads = new AtomicInteger();
        assertEquals("v1", cache.get("key", () -> "v" + loads.incrementAndGet()));
        pass(Duration.ofSeconds(9));
        assertEquals("v1", cache.get("key", () -> "v" + loads.incrementAndGet()));
        assertEquals("v1", cache.find("key"));
        pass(Duration.ofSeconds(2));
        assertNull(cache.find("key"), "older than the ttl");
        assertEquals("v2", cache.get("key", () -> "v" + loads.incrementAndGet()), "the first reader after the ttl loads again");
        generation.incrementAndGet();
        assertNull(cache.find("key"), "a new generation has nothing yet");
        assertEquals("v3", cache.get("key", () -> "v" + loads.incrementAndGet()));
        pass(Duration.ofSeconds(25));
        assertEquals("v4", cache.get("key", () -> "v" + loads.incrementAndGet()), "gone after twice the ttl: loaded again");
    }

    @Test
    void pastTheTtlOneReaderReloadsWhileTheOthersGetTheOldValue() throws Exception {
        cache.get("page", () -> "old");
        pass(Duration.ofSeconds(11));
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("page", () -> {
            reloading.countDown();
            await(release);
            return "new";
        }));
        assertTrue(reloading.await(5, TimeUnit.SECONDS));
        AtomicInteger otherLoads = new AtomicInteger();
        assertEquals("old", cache.get("page", () -> "other " + otherLoads.incrementAndGet()),
                "not kept waiting for the reload");
        release.countDown();
        assertEquals("new", first.get(5, TimeUnit.SECONDS));
        assertEquals("new", cache.get("page", () -> "other " + otherLoads.incrementAndGet()));
        assertEquals(0, otherLoads.get());
    }

    @Test
    void readersOfAMissingValueWaitForOneLoad() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("list", () -> {
            loads.incrementAndGet();
            loading.countDown();
            await(release);
            return "rows";
        }));
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> cache.get("list", () -> {
            loads.incrementAndGet();
            return "rows again";
        }));
        Thread.sleep(100);
        assertTrue(!second.isDone(), "the second reader waits for the first one's load");
        release.countDown();
        assertEquals("rows", first.get(5, TimeUnit.SECONDS));
        assertEquals("rows", second.get(5, TimeUnit.SECONDS));
        assertEquals(1, loads.get());
    }

    @Test
    void whenTheLoadFailsTheWaitingReaderLoadsItself() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> cache.get("tips", () -> {
            loading.countDown();
            await(release);
            throw new IllegalStateException("database gone");
        }));
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> cache.get("tips", () -> "tips"));
        Thread.sleep(100);
        release.countDown();
        assertEquals("tips", waiting.get(5, TimeUnit.SECONDS));
        assertTrue(failing.handle((value, error) -> error != null).get(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
