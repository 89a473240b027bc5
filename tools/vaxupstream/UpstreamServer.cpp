#include "tools/vaxupstream/UpstreamServer.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <fstream>
#include <sstream>

#include "tools/vaxupstream/UpstreamPayloads.h"
#include "tools/vaxupstream/UpstreamStore.h"

namespace vax::upstream {

namespace {

constexpr const char* kJson = "application/json";
constexpr const char* kFhirJson = "application/fhir+json";
// Looks like what a captive portal or a misrouted proxy sends back: an HTML page, labelled
// as JSON, with status 200. The client has to parse the body, not trust status and header.
constexpr const char* kGarbage =
    "<html><head><title>Gateway</title></head><body>upstream garbage (injected)</body></html>";

void sendJson(httplib::Response& res, int status, const nlohmann::json& body,
              const char* type = kJson) {
    res.status = status;
    res.set_content(dumpJson(body), type);
}

void sendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message) {
    sendJson(res, status, {{"error", code}, {"message", message}});
}

/// The media type of a Content-Type header, lower case, without parameters.
std::string mediaType(const std::string& header) {
    std::string type = header.substr(0, header.find(';'));
    type.erase(std::remove_if(type.begin(), type.end(),
                              [](unsigned char c) { return std::isspace(c) != 0; }),
               type.end());
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return type;
}

int portOf(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    }
    if (address.ss_family == AF_INET6) {
        return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    }
    return -1;
}

/// The descriptor of the connection `req` arrived on, or -1.
int connectionFd(const httplib::Request& req) {
    if (req.ssl != nullptr) {
        return SSL_get_fd(req.ssl);
    }
    // httplib gives a plain handler no socket, only the connection's addresses. Our side of
    // the connection is the one socket in this process whose own port is the request's local
    // port and whose peer's port is the request's remote port. (An in-process client's socket
    // has the two the other way round.)
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        const std::string name = entry.path().filename().string();
        int fd = -1;
        if (std::from_chars(name.data(), name.data() + name.size(), fd).ec != std::errc()) {
            continue;
        }
        sockaddr_storage local{};
        sockaddr_storage peer{};
        socklen_t localSize = sizeof local;
        socklen_t peerSize = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localSize) == 0 &&
            ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peerSize) == 0 &&
            portOf(local) == req.local_port && portOf(peer) == req.remote_port) {
            return fd;
        }
    }
    return -1;
}

/// Ends the connection without an answer, as when the network or a proxy drops it.
///
/// Throwing from the handler is no good: httplib turns that into a 500, which is a response.
/// httplib 0.11 gives handlers no socket, so connectionFd() finds it, and shutdown() ends
/// both directions: the client reads end-of-stream before the first byte of a status line.
/// We never close() the descriptor: httplib still owns it, and closing it here would let it
/// be reused under httplib's feet. httplib's own write of the response then fails (EPIPE;
/// start() made sure SIGPIPE is ignored) and it closes the connection as usual.
///
/// Should the descriptor not be found, the fallback still gives the client no usable answer:
/// a Content-Length that promises more than is sent, then the provider gives up and httplib
/// closes the connection, so the client sees a cut response (a transport error).
void dropConnection(const httplib::Request& req, httplib::Response& res) {
    res.status = 200;
    const int fd = connectionFd(req);
    if (fd >= 0 && ::shutdown(fd, SHUT_RDWR) == 0) {
        res.set_content("{}", kJson);
        return;
    }
    res.set_content_provider(
        64, kJson, [](std::size_t /*offset*/, std::size_t /*length*/, httplib::DataSink& sink) {
            sink.write("{\"cut", 5);
            return false;  // httplib stops writing and closes the connection
        });
}

}  // namespace

UpstreamServer::UpstreamServer(UpstreamOptions options, std::unique_ptr<UpstreamStore> store,
                               std::unique_ptr<httplib::Server> http)
    : m_options(std::move(options)), m_store(std::move(store)), m_http(std::move(http)) {
    m_port = m_options.port;
}

UpstreamServer::~UpstreamServer() {
    stop();
}

std::unique_ptr<UpstreamServer> UpstreamServer::create(UpstreamOptions options,
                                                       std::string& error) {
    if (options.tlsCert.empty() != options.tlsKey.empty()) {
        error = "TLS needs both a certificate and a key";
        return nullptr;
    }
    if (options.port < 0 || options.port > 65535) {
        error = "port must be 0..65535";
        return nullptr;
    }
    if (options.host.empty()) {
        error = "host must not be empty";
        return nullptr;
    }
    auto store = UpstreamStore::open(options.database, error);
    if (!store) {
        return nullptr;
    }
    if (!options.seedFile.empty()) {
        std::ifstream in(options.seedFile, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) {
            error = "cannot read seed file " + options.seedFile.string();
            return nullptr;
        }
        auto codes = parseSeed(text.str(), error);
        if (!codes) {
            error = "seed file " + options.seedFile.string() + ": " + error;
            return nullptr;
        }
        if (!store->putHealthCodes(*codes, error)) {
            return nullptr;
        }
    }

    std::unique_ptr<httplib::Server> http;
    if (!options.tlsCert.empty()) {
        http =
            std::make_unique<httplib::SSLServer>(options.tlsCert.c_str(), options.tlsKey.c_str());
    } else {
        http = std::make_unique<httplib::Server>();
    }
    if (!http->is_valid()) {
        error = "cannot load TLS certificate " + options.tlsCert.string() + " or key " +
                options.tlsKey.string();
        return nullptr;
    }
    std::unique_ptr<UpstreamServer> server(
        new UpstreamServer(std::move(options), std::move(store), std::move(http)));
    server->installRoutes();
    return server;
}

bool UpstreamServer::start(std::string* error) {
    if (m_thread.joinable()) {
        return true;
    }
    struct sigaction current {};
    if (::sigaction(SIGPIPE, nullptr, &current) == 0 && !(current.sa_flags & SA_SIGINFO) &&
        current.sa_handler == SIG_DFL) {
        ::signal(SIGPIPE, SIG_IGN);
    }
    int port = -1;
    if (m_options.port == 0) {
        port = m_http->bind_to_any_port(m_options.host);
    } else if (m_http->bind_to_port(m_options.host, m_options.port)) {
        port = m_options.port;
    }
    if (port <= 0) {
        if (error) {
            *error = "cannot listen on " + m_options.host + ":" + std::to_string(m_options.port);
        }
        return false;
    }
    m_port = port;
    m_thread = std::thread([this] { m_http->listen_after_bind(); });
    // The socket already accepts connections (they wait in the backlog), but stop() only
    // works once httplib's loop runs, so wait for it before saying we are ready.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!m_http->is_running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            if (error) {
                *error = "the server thread did not start";
            }
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void UpstreamServer::stop() {
    if (m_thread.joinable()) {
        m_http->stop();
        m_thread.join();
    }
}

std::string UpstreamServer::baseUrl() const {
    const bool ipv6 = m_options.host.find(':') != std::string::npos;
    return std::string(m_options.tlsCert.empty() ? "http" : "https") + "://" +
           (ipv6 ? "[" + m_options.host + "]" : m_options.host) + ":" + std::to_string(port());
}

void UpstreamServer::setFaults(const Faults& faults) {
    const std::lock_guard lock(m_faultsMutex);
    m_faults = faults;
    m_faults.latencyMs = std::clamp(faults.latencyMs, 0, kMaxLatencyMs);
}

Faults UpstreamServer::faults() const {
    const std::lock_guard lock(m_faultsMutex);
    return m_faults;
}

UpstreamStats UpstreamServer::stats() const {
    UpstreamStats stats;
    std::string error;
    m_store->counts(stats, error);  // on a database error the counts stay 0
    stats.requests = m_requests.load();
    stats.faultsInjected = m_faultsInjected.load();
    return stats;
}

std::vector<StoredRecord> UpstreamServer::records() const {
    std::vector<StoredRecord> out;
    std::string error;
    m_store->records(out, error);
    return out;
}

bool UpstreamServer::addHealthCode(const HealthCode& code, std::string* error) {
    std::string message;
    if (!checkHealthCode(code, message) || !m_store->putHealthCodes({code}, message)) {
        if (error) {
            *error = message;
        }
        return false;
    }
    return true;
}

UpstreamServer::Injected UpstreamServer::takeFault(int& latencyMs) {
    const std::lock_guard lock(m_faultsMutex);
    latencyMs = m_faults.latencyMs;
    for (auto [counter, kind] : {std::pair{&m_faults.status500, Injected::Status500},
                                 std::pair{&m_faults.drop, Injected::Drop},
                                 std::pair{&m_faults.dropAfter, Injected::DropAfter},
                                 std::pair{&m_faults.garbage, Injected::Garbage}}) {
        if (*counter > 0) {
            --*counter;
            ++m_faultsInjected;
            return kind;
        }
    }
    return Injected::None;
}

UpstreamServer::Handler UpstreamServer::api(Handler handler) {
    return
        [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            ++m_requests;
            int latencyMs = 0;
            const Injected fault = takeFault(latencyMs);
            if (latencyMs > 0) {
                // Sleeps on httplib's worker; the pool has more threads, so admin calls and other
                // requests go on meanwhile.
                std::this_thread::sleep_for(std::chrono::milliseconds(latencyMs));
            }
            switch (fault) {
                case Injected::Status500:
                    sendError(res, 500, "server-error", "injected fault: status 500");
                    return;
                case Injected::Drop:
                    dropConnection(req, res);
                    return;
                case Injected::Garbage:
                    res.status = 200;
                    res.set_content(kGarbage, kJson);
                    return;
                case Injected::DropAfter:
                case Injected::None:
                    break;
            }
            handler(req, res);
            if (fault == Injected::DropAfter) {
                dropConnection(req, res);
            }
        };
}

void UpstreamServer::installRoutes() {
    httplib::Server& http = *m_http;
    // Bodies are a few kB; a bound stops a broken client from filling memory.
    http.set_payload_max_length(8u << 20);
    // One request per connection ("Connection: close"). curl silently resends a request once
    // when a reused keep-alive connection dies before any answer, which would hide an
    // injected drop from the client under test; on a fresh connection it surfaces as an error.
    http.set_keep_alive_max_count(1);
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty()) {
            sendError(res, res.status, res.status == 404 ? "not-found" : "error",
                      "no route for " + req.method + " " + req.path);
        }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            sendError(res, 500, "server-error", "internal error");
        });

    const auto bind = [this](auto member) {
        return [this, member](const httplib::Request& req, httplib::Response& res) {
            (this->*member)(req, res);
        };
    };
    http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("ok", "text/plain");
    });
    http.Post("/api/healthcode/v1/verify", api(bind(&UpstreamServer::verifyHealthCode)));
    http.Post("/fhir/r4", api(bind(&UpstreamServer::postTransaction)));
    http.Post("/api/events/v1", api(bind(&UpstreamServer::postEvents)));

    http.Get("/_admin/stats", bind(&UpstreamServer::getStats));
    http.Get("/_admin/faults", [this](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, faultsJson(faults()));
    });
    http.Post("/_admin/faults", bind(&UpstreamServer::postFaults));
    http.Post("/_admin/reset-faults", [this](const httplib::Request&, httplib::Response& res) {
        setFaults(Faults{});
        sendJson(res, 200, faultsJson(Faults{}));
    });
    http.Post("/_admin/healthcodes", bind(&UpstreamServer::postHealthCode));
    http.Get("/_admin/records", bind(&UpstreamServer::getRecords));
}

void UpstreamServer::verifyHealthCode(const httplib::Request& req, httplib::Response& res) {
    PayloadError problem;
    const auto request = parseVerifyRequest(req.body, problem);
    if (!request) {
        sendError(res, 400, "bad-request", problem.message);
        return;
    }
    std::string error;
    const auto code = m_store->findHealthCode(request->code, error);
    if (!error.empty()) {
        sendError(res, 500, "server-error", error);
    } else if (!code) {
        sendError(res, 404, "unknown-code", "no health code matches the scanned code");
    } else {
        sendJson(res, 200, healthCodeJson(*code, nowRfc3339()));
    }
}

void UpstreamServer::postTransaction(const httplib::Request& req, httplib::Response& res) {
    PayloadError problem;
    if (mediaType(req.get_header_value("Content-Type")) != kFhirJson) {
        problem.message = "Content-Type must be application/fhir+json";
        problem.issueCode = "not-supported";
        sendJson(res, 415, operationOutcome(problem), kFhirJson);
        return;
    }
    const auto records = parseTransaction(req.body, problem);
    if (!records) {
        sendJson(res, 400, operationOutcome(problem), kFhirJson);
        return;
    }
    std::string error;
    const auto outcomes = m_store->putRecords(*records, error);
    if (!outcomes) {
        problem.message = error;
        problem.issueCode = "exception";
        problem.expression.clear();
        sendJson(res, 500, operationOutcome(problem), kFhirJson);
        return;
    }
    sendJson(res, 200, transactionResponse(*outcomes), kFhirJson);
}

void UpstreamServer::postEvents(const httplib::Request& req, httplib::Response& res) {
    PayloadError problem;
    const auto events = parseEvents(req.body, problem);
    if (!events) {
        nlohmann::json body{{"error", "bad-request"}, {"message", problem.message}};
        if (problem.index) {
            body["index"] = *problem.index;
        }
        sendJson(res, 400, body);
        return;
    }
    std::string error;
    const auto outcomes = m_store->putRecords(*events, error);
    if (!outcomes) {
        sendError(res, 500, "server-error", error);
        return;
    }
    sendJson(res, 200, eventsResponse(*events, *outcomes));
}

void UpstreamServer::getStats(const httplib::Request&, httplib::Response& res) {
    sendJson(res, 200, statsJson(stats()));
}

void UpstreamServer::postFaults(const httplib::Request& req, httplib::Response& res) {
    std::string error;
    const std::lock_guard lock(m_faultsMutex);
    if (!parseFaults(req.body, m_faults, error)) {
        sendError(res, 400, "bad-request", error);
        return;
    }
    sendJson(res, 200, faultsJson(m_faults));
}

void UpstreamServer::postHealthCode(const httplib::Request& req, httplib::Response& res) {
    std::string error;
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    const auto code = parseHealthCode(body, error);
    if (!code) {
        sendError(res, 400, "bad-request", error);
        return;
    }
    if (!m_store->putHealthCodes({*code}, error)) {
        sendError(res, 500, "server-error", error);
        return;
    }
    sendJson(res, 200, body);
}

void UpstreamServer::getRecords(const httplib::Request&, httplib::Response& res) {
    nlohmann::json list = nlohmann::json::array();
    for (const StoredRecord& record : records()) {
        list.push_back(recordJson(record));
    }
    sendJson(res, 200, {{"records", list}});
}

}  // namespace vax::upstream
