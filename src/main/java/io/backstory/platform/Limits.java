package io.backstory.platform;

import java.time.Duration;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.ratelimit.RateLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every limit, list size and timing of Backstory, with its default, in one place (README, Configuration). Each key
 * can be set in application.properties or as an environment variable ({@code backstory.mail.retry-first} is
 * {@code BACKSTORY_MAIL_RETRY_FIRST}). Classes inject the group they use ({@link LimitGroups}).
 * <p>
 * Not here: the lengths of texts ({@code platform.text.ContentLimits}), which validation annotations need at compile
 * time, and the constants of algorithms (window sizes of the text analysis, the model's features, the ranking).
 */
@ConfigMapping(prefix = "backstory")
public interface Limits {

    /** What one member (or, logged out, one address) may do per hour, minute or day. */
    @WithName("limits")
    RateLimits rates();

    PageSizes pageSizes();

    Drafts drafts();

    Search search();

    Screening screening();

    Moderation moderation();

    Mail mail();

    Cache cache();

    Jobs jobs();

    Login login();

    Writing writing();

    /** Drafts kept on the server. */
    interface Drafts {

        /** Drafts one member keeps at most (one per form). */
        @WithDefault("50")
        int perMember();

        /** Texts one browser may leave waiting for a login. */
        @WithDefault("20")
        int perBrowser();

        /** How long a text left waiting for a login is kept. */
        @WithDefault("24h")
        Duration waitingKeptFor();

        /** Fields a draft may have: more than a writing form has is not a draft. */
        @WithDefault("100")
        int fields();
    }

    /** Full-text search. */
    interface Search {

        @WithDefault("20")
        int pageSize();

        /** Pages one search may show. */
        @WithDefault("20")
        int pages();

        /** Newest matches of each kind (posts, comments) that are ranked: together the pages a search may show. */
        @WithDefault("200")
        int candidates();

        /** Characters of a query. */
        @WithDefault("200")
        int queryChars();

        /** How often each instance's search index reads the log of changes even when nobody searches. */
        @WithDefault("30s")
        Duration catchUpEvery();

        /** How long a logged change is kept: far longer than any instance takes to read it. */
        @WithDefault("24h")
        Duration changeRetention();
    }

    /** Screening of new and edited text. */
    interface Screening {

        /** How often the texts saved on the rules' verdict alone are looked for, for the model to read. */
        @WithDefault("1s")
        Duration deferredPoll();

        Model model();

        interface Model {

            /** Texts longer than this are saved on the rules' verdict and read by the model a moment later. */
            @WithDefault("4000")
            int inlineChars();

            /** How often the model is retrained on moderators' decisions (when there are new ones). */
            @WithDefault("24h")
            Duration retrainEvery();

            /** How often a server looks for a model version another server made the one in use. */
            @WithDefault("30s")
            Duration syncEvery();
        }
    }

    /** The review queue and rules. */
    interface Moderation {

        /** How long a moderator's decision can be undone. */
        @WithDefault("15m")
        Duration undoWindow();

        /** Members' flag weight that hides a post or comment until a moderator looks. */
        @WithDefault("3")
        double flagWeightToHide();

        /** Recent posts and comments a rule's dry run reads. */
        @WithDefault("500")
        int dryRunWritings();

        /** Matches a dry run shows as examples. */
        @WithDefault("5")
        int dryRunExamples();
    }

    /** Mail: delivery, retries, digests and links. */
    interface Mail {

        /** How often the outbox is sent. */
        @WithDefault("5s")
        Duration poll();

        /** How often digests that are due are put together. */
        @WithDefault("15m")
        Duration digestCheck();

        /** The wait before the first retry of a failed mail; it doubles up to {@link #retryLongest}. */
        @WithDefault("1m")
        Duration retryFirst();

        @WithDefault("6h")
        Duration retryLongest();

        /** Attempts before a mail is given up. */
        @WithDefault("12")
        int maxAttempts();

        /** How long one sending may take. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** New posts a digest lists. */
        @WithDefault("10")
        int digestPosts();

        /** How long the link that confirms a new address works. */
        @WithDefault("48h")
        Duration addressLinkValidFor();

        Bounces bounces();

        interface Bounces {

            /** How often the bounce mailbox is read. */
            @WithDefault("5m")
            Duration checkEvery();
        }
    }

    /** The visitors' page cache. */
    interface Cache {

        /** How long a visitor's page is served from the cache. */
        @WithDefault("10s")
        Duration ttl();

        /** Characters of pages the cache holds at most. */
        @WithDefault("16000000")
        long maxChars();
    }

    /** Cluster-wide jobs. */
    interface Jobs {

        /** How often used-up rate-limit windows are deleted. */
        @WithDefault("1h")
        Duration rateLimitCleanUpEvery();

        /** How often search changes older than their retention are deleted. */
        @WithDefault("1h")
        Duration searchChangeTrimEvery();

        /** How often logged changes of comments' tallies older than any shared render are deleted. */
        @WithDefault("5m")
        Duration tallyChangeTrimEvery();
    }

    /** The identity provider's check before a login. */
    interface Login {

        /** How long the identity provider has to answer. */
        @WithDefault("2s")
        Duration providerTimeout();

        /** How long its answer is kept, so a burst of clicks costs one request. */
        @WithDefault("5s")
        Duration providerCheckEvery();
    }

    /** Writing: what one text may do to others. */
    interface Writing {

        /** Members one text can notify by @mention. */
        @WithDefault("10")
        int mentionsPerText();
    }
}
