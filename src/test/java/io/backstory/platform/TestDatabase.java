package io.backstory.platform;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every Quarkus test in the run (global scope). */
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
public final class TestDatabase {
    private TestDatabase() {
    }
}
