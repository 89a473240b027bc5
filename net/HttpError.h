#pragma once

#include <string>
#include <string_view>

namespace vax {

/// Why an HTTP request failed. Every libcurl result and every HTTP status >= 400 maps to
/// exactly one kind, so callers decide on the kind and show `message` to staff.
struct HttpError {
    enum class Kind {
        Timeout,           ///< no connection or no complete answer within the request's timeouts
        ConnectFailed,     ///< connection refused, host or network unreachable
        DnsFailed,         ///< the host (or the proxy) name did not resolve
        TlsUnknownCa,      ///< the server's certificate chain does not lead to a trusted CA
        TlsHostMismatch,   ///< the certificate is valid but not for the host name asked for
        TlsOther,          ///< handshake failure, client certificate refused, unreadable CA file
        ConnectionClosed,  ///< the server closed or reset the connection before the answer ended
        BadResponse,       ///< the server answered with something that is not HTTP
        HttpStatus,        ///< the server answered with a status >= 400 (see `status`)
        Cancelled,         ///< HttpClient::cancel() was called
        Other,             ///< anything else (a bad URL, out of memory, a response too large)
    };

    Kind kind = Kind::Other;
    /// For staff and logs: names the host and the cause, never the request's body.
    std::string message;
    long status = 0;   ///< the HTTP status when kind is HttpStatus, else 0
    int attempts = 0;  ///< tries made before giving up (0: refused before sending)
    std::string body;  ///< the response body when kind is HttpStatus (an error document)

    /// True for failures that may pass if the same request is sent again: timeouts, refused
    /// connections, DNS failures, connections closed early, 5xx, 408 and 429.
    bool retryable() const noexcept {
        switch (kind) {
            case Kind::Timeout:
            case Kind::ConnectFailed:
            case Kind::DnsFailed:
            case Kind::ConnectionClosed:
                return true;
            case Kind::HttpStatus:
                return status >= 500 || status == 408 || status == 429;
            default:
                return false;
        }
    }

    /// True when the server refused this request for good (4xx other than 408 and 429): sending
    /// it again, now or later, gives the same answer.
    bool permanent() const noexcept {
        return kind == Kind::HttpStatus && status >= 400 && status < 500 && status != 408 &&
               status != 429;
    }
};

/// A short stable name of `kind` for logs and test output ("timeout", "tls-unknown-ca", ...).
constexpr std::string_view httpErrorKindName(HttpError::Kind kind) noexcept {
    using Kind = HttpError::Kind;
    switch (kind) {
        case Kind::Timeout:
            return "timeout";
        case Kind::ConnectFailed:
            return "connect-failed";
        case Kind::DnsFailed:
            return "dns-failed";
        case Kind::TlsUnknownCa:
            return "tls-unknown-ca";
        case Kind::TlsHostMismatch:
            return "tls-host-mismatch";
        case Kind::TlsOther:
            return "tls-other";
        case Kind::ConnectionClosed:
            return "connection-closed";
        case Kind::BadResponse:
            return "bad-response";
        case Kind::HttpStatus:
            return "http-status";
        case Kind::Cancelled:
            return "cancelled";
        case Kind::Other:
            return "other";
    }
    return "other";
}

}  // namespace vax
