#include "net/HttpClient.h"

#include <curl/curl.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Ascii.h"
#include "net/CurlHandle.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;
using Kind = HttpError::Kind;

// Long enough to say what the server complained about, short enough for a status line.
constexpr std::size_t kStatusSnippetChars = 200;
// An upper bound only: cancel() wakes the poll at once, and libcurl shortens the wait to its
// own next timeout.
constexpr int kPollMillis = 1000;

HttpError makeError(Kind kind, std::string message) {
    HttpError error;
    error.kind = kind;
    error.message = std::move(message);
    return error;
}

std::string toLower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return lower;
}

long toCurlMillis(std::chrono::milliseconds duration) {
    return static_cast<long>(std::max<std::chrono::milliseconds::rep>(0, duration.count()));
}

// RFC 9110 token characters: what a method or a header name may consist of.
bool isToken(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ascii::isDigit(c) ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

// No CR, LF or NUL: a value with a line break would inject header lines of its own.
bool isFieldValue(std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// The body's first printable ASCII characters, runs of white space and control bytes folded
// into one space, so that an HTML error page still yields a readable one-line hint.
std::string printablePrefix(std::string_view body, std::size_t limit) {
    std::string out;
    bool pendingSpace = false;
    for (char c : body) {
        if (out.size() >= limit) {
            break;
        }
        if (c > ' ' && c < 0x7f) {
            if (pendingSpace && !out.empty()) {
                out += ' ';
                if (out.size() >= limit) {
                    break;
                }
            }
            pendingSpace = false;
            out += c;
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

struct CurlFree {
    void operator()(char* text) const noexcept { curl_free(text); }
};

struct CurlUrlFree {
    void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};

// Where a request goes, as messages show it: "host" or "host:port". Never the path or the
// query, which may carry personal data.
struct Target {
    std::string host;
    bool https = false;
};

Result<Target, HttpError> parseTarget(const std::string& url) {
    std::unique_ptr<CURLU, CurlUrlFree> parsed(curl_url());
    if (!parsed) {
        return makeError(Kind::Other, "Out of memory while reading a request URL");
    }
    if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        return makeError(Kind::Other, "The request URL is not a valid http(s) URL");
    }
    const auto part = [&](CURLUPart which) -> std::optional<std::string> {
        char* raw = nullptr;
        if (curl_url_get(parsed.get(), which, &raw, 0) != CURLUE_OK || raw == nullptr) {
            return std::nullopt;
        }
        std::unique_ptr<char, CurlFree> owned(raw);
        return std::string(owned.get());
    };
    const auto scheme = part(CURLUPART_SCHEME);
    const auto host = part(CURLUPART_HOST);
    if (!scheme || !host || host->empty()) {
        return makeError(Kind::Other, "The request URL is not a valid http(s) URL");
    }
    const std::string lowerScheme = toLower(*scheme);
    if (lowerScheme != "http" && lowerScheme != "https") {
        return makeError(Kind::Other, "Only http and https URLs are allowed, not " + lowerScheme +
                                          " (host " + *host + ")");
    }
    Target target;
    target.host = *host;
    if (const auto port = part(CURLUPART_PORT)) {
        target.host += ":" + *port;
    }
    target.https = lowerScheme == "https";
    return target;
}

// State of one transfer, shared with the libcurl callbacks (which run on the sending thread).
struct Transfer {
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::size_t maxBody = 0;
    bool headersComplete = false;      // the blank line after the last response's header came
    bool answered = false;             // a status line arrived
    bool clientCertRequested = false;  // the server sent a TLS CertificateRequest
    std::string tlsAlert;              // the last TLS alert received (not close notify)
    bool tooLarge = false;
    bool outOfMemory = false;
    const std::atomic<bool>* cancelled = nullptr;
};

// The callbacks are called from C: nothing may throw out of them, so allocation failures turn
// into a short count (which makes libcurl stop with CURLE_WRITE_ERROR) and a flag.
std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (bytes > transfer->maxBody - std::min(transfer->maxBody, transfer->body.size())) {
        transfer->tooLarge = true;
        return 0;
    }
    try {
        transfer->body.append(data, bytes);
    } catch (...) {
        transfer->outOfMemory = true;
        return 0;
    }
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    try {
        if (line.starts_with("HTTP/")) {
            // A new status line: what came before belonged to a 100 Continue or a proxy's
            // CONNECT answer, not to the response the caller gets.
            transfer->headers.clear();
            transfer->headersComplete = false;
            transfer->answered = true;
            return bytes;
        }
        if (ascii::trimmed(line).empty()) {
            transfer->headersComplete = true;
            return bytes;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            return bytes;  // not a field; libcurl has judged the syntax already
        }
        transfer->headers.emplace_back(toLower(ascii::trimmed(line.substr(0, colon))),
                                       std::string(ascii::trimmed(line.substr(colon + 1))));
    } catch (...) {
        transfer->outOfMemory = true;
        return 0;
    }
    return bytes;
}

std::string tlsAlertName(int description) {
    switch (description) {
        case 40:
            return "handshake failure";
        case 42:
            return "bad certificate";
        case 44:
            return "certificate revoked";
        case 45:
            return "certificate expired";
        case 46:
            return "certificate unknown";
        case 48:
            return "unknown CA";
        case 49:
            return "access denied";
        case 70:
            return "protocol version";
        case 112:
            return "unrecognized name";
        case 116:
            return "certificate required";
        default:
            return "alert " + std::to_string(description);
    }
}

// Reads libcurl's TLS trace ("TLSv1.3 (IN), TLS alert, certificate required (628):") for the
// two facts that tell a refused client certificate from a dropped connection; the transfer
// errors themselves often lose them (see tlsRefusal).
int onDebug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_TEXT) {
        return 0;
    }
    auto* transfer = static_cast<Transfer*>(user);
    const std::string_view text(data, size);
    if (text.find("(IN), TLS handshake, Request CERT") != std::string_view::npos) {
        transfer->clientCertRequested = true;
        return 0;
    }
    constexpr std::string_view alertMark = "(IN), TLS alert, ";
    const auto at = text.find(alertMark);
    const auto open = text.rfind('(');
    if (at == std::string_view::npos || open == std::string_view::npos || open < at) {
        return 0;
    }
    // The number in parentheses is level * 256 + description; the name libcurl prints comes
    // from an OpenSSL table that lacks the newer ones ("certificate required").
    int code = 0;
    for (std::size_t i = open + 1; i < text.size() && i < open + 6 && ascii::isDigit(text[i]);
         ++i) {
        code = code * 10 + ascii::digitValue(text[i]);
    }
    const int description = code % 256;
    if (description == 0) {
        return 0;  // close notify: an orderly end, not a refusal
    }
    try {
        transfer->tlsAlert = tlsAlertName(description);
    } catch (...) {
        transfer->outOfMemory = true;
    }
    return 0;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    // Non-zero makes libcurl abort the transfer with CURLE_ABORTED_BY_CALLBACK.
    return static_cast<Transfer*>(user)->cancelled->load() ? 1 : 0;
}

// Sets options until the first failure and remembers it, so that every curl_easy_setopt is
// checked without an if after each line.
class OptionSetter {
public:
    explicit OptionSetter(CurlEasy& easy) : m_easy(easy) {}

    template <class T>
    void operator()(CURLoption option, T value) {
        if (m_code == CURLE_OK) {
            m_code = m_easy.set(option, value);
            m_failed = option;
        }
    }

    CURLcode code() const { return m_code; }
    int failedOption() const { return static_cast<int>(m_failed); }

private:
    CurlEasy& m_easy;
    CURLcode m_code = CURLE_OK;
    CURLoption m_failed = CURLOPT_URL;
};

bool isChainError(long verifyResult) {
    switch (verifyResult) {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        case X509_V_ERR_CERT_UNTRUSTED:
        case X509_V_ERR_CERT_REJECTED:
            return true;
        default:
            return false;
    }
}

HttpError verificationError(CURL* easy, const Target& target, const std::string& detail) {
    long verifyResult = X509_V_OK;
    if (curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &verifyResult) != CURLE_OK) {
        verifyResult = X509_V_OK;
    }
    // libcurl 7.88 (OpenSSL) checks the host name itself, after OpenSSL accepted the chain but
    // before it records the chain's result, so a name mismatch leaves the result at its
    // placeholder (X509_V_ERR_UNSPECIFIED) and says so in the error buffer. Builds that let
    // OpenSSL check the name report X509_V_ERR_HOSTNAME_MISMATCH instead.
    const bool nameCheckFailed =
        (verifyResult == X509_V_OK || verifyResult == X509_V_ERR_UNSPECIFIED) &&
        detail.find("target host name") != std::string::npos;
    if (nameCheckFailed || verifyResult == X509_V_ERR_HOSTNAME_MISMATCH ||
        verifyResult == X509_V_ERR_IP_ADDRESS_MISMATCH) {
        return makeError(Kind::TlsHostMismatch, "The certificate of " + target.host +
                                                    " is not valid for that name (" + detail + ")");
    }
    if (isChainError(verifyResult)) {
        return makeError(Kind::TlsUnknownCa, "The certificate of " + target.host +
                                                 " is not issued by a trusted authority (" +
                                                 detail + ")");
    }
    return makeError(Kind::TlsOther, "The certificate of " + target.host + " was refused: " +
                                         X509_verify_cert_error_string(verifyResult) + " (" +
                                         detail + ")");
}

// A TLS 1.3 server checks the client certificate after the client has finished its side of the
// handshake, so a refusal reaches the client as an alert on its first read, or, when the server
// has already closed, as a broken pipe on its first write with no alert read at all. Both look
// like a dropped connection in the libcurl result; the TLS trace says what it was. That is a
// TLS failure, which sending again will not cure.
std::optional<HttpError> tlsRefusal(const Target& target, const Transfer& transfer,
                                    bool haveClientCert) {
    if (!target.https) {
        return std::nullopt;
    }
    if (!transfer.tlsAlert.empty()) {
        return makeError(
            Kind::TlsOther,
            target.host + " refused the secure connection (TLS alert: " + transfer.tlsAlert + ")");
    }
    if (transfer.clientCertRequested && !transfer.answered) {
        return makeError(Kind::TlsOther,
                         target.host + " asked for a client certificate and closed the connection" +
                             (haveClientCert ? " (it probably refused the certificate)"
                                             : " (none is configured)"));
    }
    return std::nullopt;
}

// Maps a failed transfer to exactly one kind, with a message that names the host.
HttpError curlError(CURLcode code, CURL* easy, const char* errorBuffer, const Target& target,
                    const HttpRequest& request, const Transfer& transfer, bool haveClientCert) {
    const std::string detail(
        ascii::trimmed(errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(code)));
    const auto with = [&](Kind kind, std::string text) {
        return makeError(kind, std::move(text) + " (" + detail + ")");
    };
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: {
            curl_off_t connectMicros = 0;
            if (curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectMicros) != CURLE_OK) {
                connectMicros = 0;
            }
            if (connectMicros == 0) {
                return with(Kind::Timeout, "No connection to " + target.host + " within " +
                                               std::to_string(request.connectTimeout.count()) +
                                               " ms");
            }
            return with(Kind::Timeout, "No complete answer from " + target.host + " within " +
                                           std::to_string(request.totalTimeout.count()) + " ms");
        }
        case CURLE_COULDNT_CONNECT:
            return with(Kind::ConnectFailed,
                        "Could not connect to " + target.host + " (refused or unreachable)");
        case CURLE_PROXY:
            return with(Kind::ConnectFailed, "The proxy did not connect to " + target.host);
        case CURLE_COULDNT_RESOLVE_HOST:
            return with(Kind::DnsFailed, "Could not resolve the host name " + target.host);
        case CURLE_COULDNT_RESOLVE_PROXY:
            return with(Kind::DnsFailed,
                        "Could not resolve the proxy's host name (for " + target.host + ")");
        case CURLE_PEER_FAILED_VERIFICATION:
            return verificationError(easy, target, detail);
        case CURLE_SSL_CACERT_BADFILE:
            return with(Kind::TlsOther,
                        "The CA file to verify " + target.host + " could not be read");
        case CURLE_SSL_CERTPROBLEM:
            return with(Kind::TlsOther,
                        "The client certificate or key for " + target.host + " could not be used");
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_USE_SSL_FAILED:
            return with(Kind::TlsOther, "The secure connection to " + target.host + " failed");
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
            if (auto refused = tlsRefusal(target, transfer, haveClientCert)) {
                refused->message += " (" + detail + ")";
                return *refused;
            }
            return with(Kind::ConnectionClosed, "The connection to " + target.host +
                                                    " broke before the answer was complete");
        case CURLE_GOT_NOTHING:
            if (auto refused = tlsRefusal(target, transfer, haveClientCert)) {
                refused->message += " (" + detail + ")";
                return *refused;
            }
            return with(Kind::ConnectionClosed,
                        target.host + " closed the connection without answering");
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_HTTP3:
            return with(Kind::ConnectionClosed, "The connection to " + target.host +
                                                    " ended before the answer was complete");
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_BAD_CONTENT_ENCODING:
            return with(Kind::BadResponse,
                        target.host + " answered with something that is not valid HTTP");
        case CURLE_UNSUPPORTED_PROTOCOL:
            // The scheme was checked before sending and redirects are not followed, so this is
            // libcurl refusing the answer: no status line (HTTP/0.9) or an unknown HTTP
            // version. Only a proxy from the environment with an odd scheme is different.
            if (detail.find("proxy") != std::string::npos) {
                return with(Kind::Other, "The proxy for " + target.host + " is not usable");
            }
            return with(Kind::BadResponse,
                        target.host + " answered with something that is not HTTP");
        case CURLE_ABORTED_BY_CALLBACK:
            return makeError(Kind::Cancelled, "The request to " + target.host + " was cancelled");
        case CURLE_WRITE_ERROR:
            if (transfer.tooLarge) {
                return makeError(Kind::Other,
                                 "The answer from " + target.host + " is larger than " +
                                     std::to_string(request.maxResponseBytes) + " bytes");
            }
            if (transfer.outOfMemory) {
                return makeError(Kind::Other,
                                 "Out of memory while reading the answer from " + target.host);
            }
            return with(Kind::Other, "Could not store the answer from " + target.host);
        case CURLE_OUT_OF_MEMORY:
            return with(Kind::Other, "Out of memory while talking to " + target.host);
        case CURLE_URL_MALFORMAT:
            return with(Kind::Other, "The request URL for " + target.host + " is malformed");
        default:
            return with(Kind::Other, "The request to " + target.host + " failed");
    }
}

HttpError statusError(long status, std::string body, const Target& target) {
    std::string message = target.host + " answered HTTP " + std::to_string(status);
    const std::string snippet = printablePrefix(body, kStatusSnippetChars);
    if (!snippet.empty()) {
        message += ": " + snippet;
    }
    HttpError error = makeError(Kind::HttpStatus, std::move(message));
    error.status = status;
    error.body = std::move(body);
    return error;
}

}  // namespace

// The pimpl keeps libcurl out of the public header (it is a private dependency of vaxnet) and
// gives the error buffer and the flags a fixed address while the client itself can move.
class HttpClient::State {
public:
    explicit State(TlsOptions tls)
        : m_tls(std::move(tls)),
          m_easy(CurlEasy::create()),
          m_multi(CurlMulti::create()),
          m_rng(seed()) {}

    Result<HttpResponse, HttpError> send(const HttpRequest& request);

    // any thread
    void cancel() noexcept {
        m_cancelled.store(true);
        {
            // Taking the lock orders the store before a waiter's predicate check, so the
            // notification cannot fall between its check and its wait.
            std::lock_guard lock(m_waitMutex);
        }
        m_waitCondition.notify_all();
        m_multi.wakeup();
    }

    void resume() noexcept { m_cancelled.store(false); }
    bool cancelled() const noexcept { return m_cancelled.load(); }

private:
    static std::uint32_t seed() noexcept {
        try {
            return std::random_device{}();
        } catch (...) {
            return static_cast<std::uint32_t>(Clock::now().time_since_epoch().count());
        }
    }

    Result<HttpResponse, HttpError> attempt(const HttpRequest& request, const Target& target);
    // The code the transfer ended with, or nothing (and `failure` set) when the multi handle
    // itself failed.
    std::optional<CURLcode> runTransfer(CURLMcode& failure);
    // False when cancelled before `delay` passed.
    bool waitUnlessCancelled(std::chrono::milliseconds delay) {
        // wait_for adds the delay to now(); a policy with an absurd maxDelay must not overflow.
        delay = std::min<std::chrono::milliseconds>(delay, std::chrono::hours(1));
        std::unique_lock lock(m_waitMutex);
        return !m_waitCondition.wait_for(lock, delay, [&] { return m_cancelled.load(); });
    }

    TlsOptions m_tls;
    CurlEasy m_easy;
    CurlMulti m_multi;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
    std::atomic<bool> m_cancelled{false};
    std::mutex m_waitMutex;
    std::condition_variable m_waitCondition;
    std::mt19937 m_rng;
};

Result<HttpResponse, HttpError> HttpClient::State::send(const HttpRequest& request) {
    const auto started = Clock::now();
    auto target = parseTarget(request.url);
    if (!target) {
        return std::move(target).error();
    }
    if (!isToken(request.method)) {
        return makeError(Kind::Other, "Invalid HTTP method for a request to " + target->host);
    }
    for (const auto& [name, value] : request.headers) {
        if (!isToken(name) || !isFieldValue(value)) {
            return makeError(Kind::Other, "Invalid header field in a request to " + target->host);
        }
    }
    if (!m_easy || !m_multi) {
        return makeError(Kind::Other,
                         "libcurl could not be initialised for a request to " + target->host);
    }

    const int maxAttempts = request.isIdempotent() ? std::max(1, request.retry.maxAttempts) : 1;
    for (int tried = 0;;) {
        if (m_cancelled.load()) {
            HttpError error =
                makeError(Kind::Cancelled, "The request to " + target->host + " was cancelled");
            error.attempts = tried;
            return error;
        }
        auto result = attempt(request, *target);
        ++tried;
        if (result) {
            result->attempts = tried;
            result->elapsed =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
            return result;
        }
        HttpError error = std::move(result).error();
        error.attempts = tried;
        if (!error.retryable() || tried >= maxAttempts) {
            return error;
        }
        if (!waitUnlessCancelled(backoffDelay(request.retry, tried, m_rng))) {
            HttpError cancelled =
                makeError(Kind::Cancelled,
                          "The request to " + target->host +
                              " was cancelled while waiting to retry after: " + error.message);
            cancelled.attempts = tried;
            return cancelled;
        }
    }
}

Result<HttpResponse, HttpError> HttpClient::State::attempt(const HttpRequest& request,
                                                           const Target& target) {
    // Fresh options for every request; the connection, DNS and TLS session caches survive.
    m_easy.resetOptions();
    m_errorBuffer[0] = '\0';

    Transfer transfer;
    transfer.maxBody = request.maxResponseBytes;
    transfer.cancelled = &m_cancelled;

    CurlHeaderList headers;
    bool callerSetExpect = false;
    for (const auto& [name, value] : request.headers) {
        callerSetExpect = callerSetExpect || toLower(name) == "expect";
        // "Name;" is libcurl's way to send a field with an empty value ("Name:" removes it).
        if (!headers.append(value.empty() ? name + ";" : name + ": " + value)) {
            return makeError(Kind::Other,
                             "Out of memory while preparing a request to " + target.host);
        }
    }
    // Without this libcurl sends "Expect: 100-continue" with larger bodies and waits up to a
    // second for an answer that many servers never give.
    if (!callerSetExpect && !headers.append("Expect:")) {
        return makeError(Kind::Other, "Out of memory while preparing a request to " + target.host);
    }

    OptionSetter set(m_easy);
    set(CURLOPT_ERRORBUFFER, m_errorBuffer);
    set(CURLOPT_URL, request.url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
    set(CURLOPT_PROTOCOLS_STR, "http,https");
    set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    set(CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    set(CURLOPT_FOLLOWLOCATION, 0L);
    // Timeouts without SIGALRM: signals and threads do not mix.
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_CONNECTTIMEOUT_MS, toCurlMillis(request.connectTimeout));
    set(CURLOPT_TIMEOUT_MS, toCurlMillis(request.totalTimeout));
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!m_tls.caFile.empty()) {
        set(CURLOPT_CAINFO, m_tls.caFile.c_str());
        // The CA file replaces the system store instead of adding to it.
        set(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
    }
    if (!m_tls.clientCert.empty()) {
        set(CURLOPT_SSLCERT, m_tls.clientCert.c_str());
        set(CURLOPT_SSLCERTTYPE, "PEM");
    }
    if (!m_tls.clientKey.empty()) {
        set(CURLOPT_SSLKEY, m_tls.clientKey.c_str());
        set(CURLOPT_SSLKEYTYPE, "PEM");
    }
    set(CURLOPT_USERAGENT, "VaxKiosk");
    set(CURLOPT_HTTPHEADER, headers.get());
    set(CURLOPT_WRITEFUNCTION, &onBody);
    set(CURLOPT_WRITEDATA, static_cast<void*>(&transfer));
    set(CURLOPT_HEADERFUNCTION, &onHeader);
    set(CURLOPT_HEADERDATA, static_cast<void*>(&transfer));
    set(CURLOPT_XFERINFOFUNCTION, &onProgress);
    set(CURLOPT_XFERINFODATA, static_cast<void*>(&transfer));
    set(CURLOPT_NOPROGRESS, 0L);
    // The trace goes to onDebug only (nothing is printed); it is how TLS alerts are seen.
    set(CURLOPT_DEBUGFUNCTION, &onDebug);
    set(CURLOPT_DEBUGDATA, static_cast<void*>(&transfer));
    set(CURLOPT_VERBOSE, 1L);
    if (request.method == "GET" && request.body.empty()) {
        set(CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD" && request.body.empty()) {
        set(CURLOPT_NOBODY, 1L);
    } else {
        if (request.method == "POST" || !request.body.empty()) {
            // Not copied by libcurl: `request` outlives the transfer.
            set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            set(CURLOPT_POSTFIELDS, request.body.data());
        }
        if (request.method != "POST") {
            set(CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
    }
    if (set.code() != CURLE_OK) {
        return makeError(Kind::Other, "Could not set up the request to " + target.host +
                                          " (libcurl option " + std::to_string(set.failedOption()) +
                                          ": " + curl_easy_strerror(set.code()) + ")");
    }

    CURLMcode multiFailure = CURLM_OK;
    const std::optional<CURLcode> code = runTransfer(multiFailure);
    if (!code) {
        return makeError(Kind::Other, "The request to " + target.host + " failed (" +
                                          curl_multi_strerror(multiFailure) + ")");
    }
    if (*code != CURLE_OK) {
        return curlError(*code, m_easy.get(), m_errorBuffer, target, request, transfer,
                         !m_tls.clientCert.empty());
    }

    if (!transfer.headersComplete) {
        // libcurl 7.88 reports success when the server closes in the middle of the header
        // section; the missing blank line is what tells.
        return makeError(Kind::ConnectionClosed, "The connection to " + target.host +
                                                     " ended in the middle of the answer's header");
    }
    long status = 0;
    if (curl_easy_getinfo(m_easy.get(), CURLINFO_RESPONSE_CODE, &status) != CURLE_OK ||
        status <= 0) {
        return makeError(Kind::BadResponse, target.host + " answered without an HTTP status");
    }
    if (status >= 400) {
        return statusError(status, std::move(transfer.body), target);
    }
    HttpResponse response;
    response.status = status;
    response.body = std::move(transfer.body);
    response.headers = std::move(transfer.headers);
    return response;
}

std::optional<CURLcode> HttpClient::State::runTransfer(CURLMcode& failure) {
    CURLM* multi = m_multi.get();
    CURL* easy = m_easy.get();
    failure = curl_multi_add_handle(multi, easy);
    if (failure != CURLM_OK) {
        return std::nullopt;
    }
    std::optional<CURLcode> result;
    for (;;) {
        int running = 0;
        failure = curl_multi_perform(multi, &running);
        if (failure != CURLM_OK) {
            break;
        }
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
            if (message->msg == CURLMSG_DONE && message->easy_handle == easy) {
                result = message->data.result;
            }
        }
        if (result) {
            break;
        }
        if (running == 0) {
            result = CURLE_FAILED_INIT;  // not expected: no transfer left and no result
            break;
        }
        if (m_cancelled.load()) {
            // Removing the handle below aborts the transfer and closes its connection; the
            // progress callback would too, but only at its next call (up to a second away).
            result = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        // cancel() interrupts this wait through curl_multi_wakeup.
        failure = curl_multi_poll(multi, nullptr, 0, kPollMillis, nullptr);
        if (failure != CURLM_OK) {
            break;
        }
    }
    curl_multi_remove_handle(multi, easy);
    return result;
}

HttpClient::HttpClient(TlsOptions tls) : m_state(std::make_unique<State>(std::move(tls))) {}

HttpClient::HttpClient(HttpClient&& other) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&& other) noexcept = default;
HttpClient::~HttpClient() = default;

Result<HttpResponse, HttpError> HttpClient::send(const HttpRequest& request) {
    if (!m_state) {
        return makeError(Kind::Other, "HttpClient used after it was moved from");
    }
    return m_state->send(request);
}

void HttpClient::cancel() noexcept {
    if (m_state) {
        m_state->cancel();
    }
}

void HttpClient::resume() noexcept {
    if (m_state) {
        m_state->resume();
    }
}

bool HttpClient::cancelled() const noexcept {
    return m_state && m_state->cancelled();
}

}  // namespace vax
