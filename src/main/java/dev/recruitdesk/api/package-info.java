/**
 * The SmartRecruiters client: {@link dev.recruitdesk.api.SmartRecruitersClient} implements
 * {@link dev.recruitdesk.api.SmartRecruitersApi} over {@code java.net.http} and Jackson, following
 * docs/wire-contract.md.
 *
 * <p>Use one client per account, shared by every caller: it paces each endpoint (token bucket, 10/s by default),
 * keeps at most 8 requests and one candidate listing in flight, retries 429, 5xx, timeouts and dropped connections
 * with exponential backoff and full jitter (honouring {@code Retry-After}), and turns every failure into an
 * {@link dev.recruitdesk.api.ApiException} whose message is safe to show: status 0 means no answer came.
 * Tune it with {@link dev.recruitdesk.api.ClientOptions}.
 *
 * <p>Wire shapes (DTOs, {@code SrJson}, {@code StackOneJson}) are package-private: nothing outside this package
 * depends on SmartRecruiters' JSON.
 */
package dev.recruitdesk.api;
