#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace vax::upstream {

class UpstreamStore;

/// How to run the server. Only `database` is required.
struct UpstreamOptions {
    /// SQLite file holding health codes and received records (created if missing). Empty: an
    /// in-memory database that is gone when the server is.
    std::filesystem::path database;
    std::string host = "127.0.0.1";
    int port = 0;  ///< 0: an ephemeral port, read it back with port() after start()
    std::filesystem::path tlsCert;  ///< PEM; with tlsKey the server speaks HTTPS only
    std::filesystem::path tlsKey;
    std::filesystem::path seedFile;  ///< optional {"codes": [...]} JSON, loaded by create()
};

/// One health code the server knows. Same fields as a seed entry and the verify answer.
struct HealthCode {
    std::string code;       ///< the scanned token or URL, matched exactly
    std::string status;     ///< "green", "yellow" or "red"
    std::string name;       ///< already masked, e.g. "张*"
    std::string maskedId;   ///< e.g. "1101**********123X"
    std::string updatedAt;  ///< RFC 3339 UTC, e.g. "2026-11-25T07:59:00Z"
};

/// Faults injected into the API endpoints (never into /_admin/* or /healthz). The counters
/// count down one per API request; at most one counted fault hits a request, taken in the
/// order status500, drop, dropAfter, garbage. Latency is added to every API request.
struct Faults {
    int latencyMs = 0;  ///< delay before each API request is handled, until changed
    int status500 = 0;  ///< next n requests: 500, the request is not handled (nothing stored)
    int drop = 0;       ///< next n requests: connection closed without a response, not handled
    int dropAfter = 0;  ///< next n requests: handled (stored), then closed without a response
    int garbage = 0;    ///< next n requests: 200 with a non-JSON body, not handled
};

/// Counters for tests and the demo. The first four come from the database (they survive a
/// restart); requests and faultsInjected count since this server object was created.
struct UpstreamStats {
    std::int64_t records = 0;          ///< unique idempotency keys stored
    std::int64_t deliveries = 0;       ///< all deliveries of those keys, duplicates included
    std::int64_t duplicates = 0;       ///< deliveries of a key that was already stored
    std::int64_t orderViolations = 0;  ///< new records whose seq was below the visit's highest
    std::int64_t requests = 0;         ///< API requests (not /_admin/*, not /healthz)
    std::int64_t faultsInjected = 0;   ///< requests hit by a 500, a drop or a garbage answer
};

/// One stored record (an Immunization or an event), keyed by its idempotency key.
struct StoredRecord {
    std::string key;
    std::string kind;  ///< "immunization" or "event"
    std::optional<std::string> visit;
    std::optional<std::int64_t> seq;
    std::int64_t receivedOrder = 0;  ///< 1, 2, ... in order of first delivery; the server id
    std::int64_t deliveries = 0;     ///< 1 + number of duplicate deliveries
    std::string body;                ///< the resource or event JSON as first received
    std::string firstSeen;           ///< RFC 3339 UTC
    bool orderViolation = false;     ///< arrived after a record of its visit with a higher seq
};

/// The reference upstream for tests and the demo: the health-code API, a FHIR R4 transaction
/// endpoint for Immunizations, a JSON events endpoint, fault injection and admin endpoints
/// (docs/upstream-api.md). Runs cpp-httplib on its own thread; handlers run on httplib's
/// pool and every public function may be called from any thread.
class UpstreamServer {
public:
    /// Opens the database, loads the seed file and prepares the routes (plain or TLS). Returns
    /// null with `error` set when anything is wrong; nothing listens until start().
    static std::unique_ptr<UpstreamServer> create(UpstreamOptions options, std::string& error);

    UpstreamServer(const UpstreamServer&) = delete;
    UpstreamServer& operator=(const UpstreamServer&) = delete;
    /// Stops the server if it is running.
    ~UpstreamServer();

    /// Binds, starts listening on a thread of its own and returns once connections are
    /// accepted. False (with `error` set when given) if the address cannot be bound. Call once.
    /// Ignores SIGPIPE process-wide when it still has its default action: a client that
    /// hangs up before its answer is written must not kill the process hosting the server.
    bool start(std::string* error = nullptr);
    /// Stops listening, waits for handlers to finish and joins the thread. Idempotent.
    void stop();

    /// The bound port after start(); before, the configured one.
    int port() const { return m_port.load(); }
    /// "http://127.0.0.1:PORT" or "https://...", without a trailing slash.
    std::string baseUrl() const;

    /// Replaces all fault settings (latency clamped to 0..600000 ms).
    void setFaults(const Faults& faults);
    /// The current settings, with the counters as far as they have counted down.
    Faults faults() const;

    /// Counters; see UpstreamStats.
    UpstreamStats stats() const;
    /// Every stored record in order of first delivery.
    std::vector<StoredRecord> records() const;

    /// Adds a health code, or replaces the one with the same code. False with `error` set
    /// (when given) if a field is invalid.
    bool addHealthCode(const HealthCode& code, std::string* error = nullptr);

private:
    enum class Injected { None, Status500, Drop, DropAfter, Garbage };
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    UpstreamServer(UpstreamOptions options, std::unique_ptr<UpstreamStore> store,
                   std::unique_ptr<httplib::Server> http);

    void installRoutes();
    Handler api(Handler handler);
    Injected takeFault(int& latencyMs);

    void verifyHealthCode(const httplib::Request& req, httplib::Response& res);
    void postTransaction(const httplib::Request& req, httplib::Response& res);
    void postEvents(const httplib::Request& req, httplib::Response& res);
    void getStats(const httplib::Request& req, httplib::Response& res);
    void postFaults(const httplib::Request& req, httplib::Response& res);
    void postHealthCode(const httplib::Request& req, httplib::Response& res);
    void getRecords(const httplib::Request& req, httplib::Response& res);

    UpstreamOptions m_options;
    std::unique_ptr<UpstreamStore> m_store;
    std::unique_ptr<httplib::Server> m_http;
    std::thread m_thread;
    std::atomic<int> m_port{0};

    mutable std::mutex m_faultsMutex;
    Faults m_faults;  // guarded by m_faultsMutex
    std::atomic<std::int64_t> m_requests{0};
    std::atomic<std::int64_t> m_faultsInjected{0};
};

}  // namespace vax::upstream
