#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "net/RetryPolicy.h"

namespace vax {

/// One HTTP request for HttpClient::send.
struct HttpRequest {
    std::string method = "GET";  ///< GET, HEAD, POST, PUT, PATCH, DELETE, ...
    std::string url;             ///< http:// or https:// only
    /// Extra header fields, sent in this order. A field replaces libcurl's own of that name.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;                                ///< sent as is (set Content-Type in headers)
    std::chrono::milliseconds connectTimeout{1000};  ///< per attempt: DNS, TCP and TLS
    std::chrono::milliseconds totalTimeout{2000};    ///< per attempt, connect included; 0 = none
    /// Whether sending twice is harmless, which is what allows retries. Unset: true for GET,
    /// HEAD, OPTIONS, PUT and DELETE, false for POST, PATCH and anything else. Set it to true on
    /// a POST only when the server deduplicates it (an idempotency key header).
    std::optional<bool> idempotent;
    RetryPolicy retry;  ///< used only when the request is idempotent
    /// Bodies larger than this are refused (HttpError::Kind::Other) instead of filling memory.
    std::size_t maxResponseBytes = 8 * 1024 * 1024;

    /// Whether the request may be sent more than once (see `idempotent`).
    bool isIdempotent() const {
        if (idempotent) {
            return *idempotent;
        }
        return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" ||
               method == "DELETE";
    }

    /// A GET of `url` with the default timeouts and retries.
    static HttpRequest get(std::string url) {
        HttpRequest request;
        request.url = std::move(url);
        return request;
    }

    /// A POST of `body` (of type `contentType`) to `url`; not retried unless marked idempotent.
    static HttpRequest post(std::string url, std::string body, std::string contentType) {
        HttpRequest request;
        request.method = "POST";
        request.url = std::move(url);
        request.body = std::move(body);
        request.headers.emplace_back("Content-Type", std::move(contentType));
        return request;
    }
};

}  // namespace vax
