#pragma once

#include <memory>

#include "core/Result.h"
#include "net/HttpError.h"
#include "net/HttpRequest.h"
#include "net/HttpResponse.h"
#include "net/TlsOptions.h"

namespace vax {

/// A blocking HTTP(S) client over libcurl. Use one per thread: send() runs on the thread that
/// owns the client, and the client keeps its libcurl handles (and so its open connections,
/// DNS and TLS session caches) from one request to the next. cancel() may be called from any
/// thread.
///
/// - Certificates are always verified (peer and host name); TlsOptions can change which CAs
///   are trusted, never whether.
/// - Only http:// and https:// URLs are accepted, and redirects are not followed (a 3xx
///   response is returned as it is).
/// - Proxies: libcurl's own environment handling stays in place, so http_proxy, https_proxy,
///   all_proxy and no_proxy (lower case; HTTPS_PROXY and NO_PROXY too) apply as they do for the
///   curl tool. Site networks that need a proxy set them in the kiosk's service environment.
/// - Signals are not used for timeouts (CURLOPT_NOSIGNAL), so clients are safe in threads.
class HttpClient {
public:
    /// A client that verifies servers against `tls.caFile` (or the system store) and presents
    /// `tls.clientCert` when set. Files are read at each connection, not here.
    explicit HttpClient(TlsOptions tls = {});
    HttpClient(HttpClient&& other) noexcept;
    HttpClient& operator=(HttpClient&& other) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    ~HttpClient();

    /// Sends `request` and waits for the answer. A status >= 400 is returned as an error of kind
    /// HttpStatus (so callers deal with one error type). Idempotent requests are retried on
    /// retryable errors, up to request.retry.maxAttempts tries, waiting a random time in
    /// [0, min(maxDelay, baseDelay * 2^(n-1))] before retry n ("full jitter"). Returns
    /// Cancelled at once while the client is cancelled. Runs on the owning thread.
    Result<HttpResponse, HttpError> send(const HttpRequest& request);

    /// Aborts the transfer or retry wait in progress promptly (from any thread) and makes every
    /// later send() return Cancelled until resume() is called. Sticky on purpose: a cancel that
    /// arrives just before send() starts is not lost.
    void cancel() noexcept;

    /// Lets send() run again after cancel(). Call it from the owning thread, between sends.
    void resume() noexcept;

    /// True between cancel() and resume().
    bool cancelled() const noexcept;

private:
    class State;
    std::unique_ptr<State> m_state;
};

}  // namespace vax
