#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Result.h"

struct pg_conn;
struct pg_result;

namespace vax {

/// How to reach a PostgreSQL server. The URI carries user, host, port and database; the rest
/// has its own fields so a config file never mixes them into the URI.
struct PgSettings {
    std::string uri;       ///< "postgresql://USER@HOST:PORT/DBNAME"
    std::string password;  ///< empty: none (trust, peer or a client certificate)
    std::string sslmode = "verify-full";
    std::string sslRootCert;  ///< CA file for verify-ca / verify-full
    int connectTimeoutMs = 1000;
    /// Bounds every statement and unacknowledged write, so a server that vanished mid-query
    /// (cable out) fails the call instead of hanging the device's worker.
    int statementTimeoutMs = 5000;
    std::string applicationName = "vaxkiosk";
};

/// A failed libpq call: a message fit for a log (no statement parameters in it), the
/// SQLSTATE when the server sent one, and whether the connection itself is gone.
struct PgError {
    PgError() = default;
    PgError(std::string text, std::string state = {}, bool lost = false)
        : message(std::move(text)), sqlstate(std::move(state)), connectionLost(lost) {}

    std::string message;
    std::string sqlstate;  ///< e.g. "23505" unique violation, "23514" check violation
    bool connectionLost = false;

    operator Error() const { return Error{message}; }
};

/// One statement parameter in text form; nullopt is SQL NULL.
using PgParam = std::optional<std::string>;

inline PgParam pgParam(std::string_view text) {
    return std::string(text);
}
inline PgParam pgParam(const std::string& text) {
    return text;
}
inline PgParam pgParam(const char* text) {
    return std::string(text);
}
inline PgParam pgParam(std::int64_t value) {
    return std::to_string(value);
}
inline PgParam pgParam(int value) {
    return std::to_string(value);
}
inline PgParam pgParam(bool value) {
    return value ? "true" : "false";
}
inline PgParam pgParam(std::nullopt_t) {
    return std::nullopt;
}
template <class T>
PgParam pgParam(const std::optional<T>& value) {
    return value ? pgParam(*value) : std::nullopt;
}

/// The parameters $1, $2, ... of a statement, from values of mixed types.
template <class... Args>
std::vector<PgParam> pgParams(const Args&... args) {
    return {pgParam(args)...};
}

/// Move-only owner of a statement's result rows. Rows and columns count from 0.
class PgResult {
public:
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    int rows() const;
    bool isNull(int row, int column) const;
    /// Valid while this result lives.
    std::string_view text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    bool boolean(int row, int column) const;
    std::optional<std::int64_t> optionalInt64(int row, int column) const;
    /// The command tag ("INSERT 0 1", "COMMIT", ...).
    std::string_view command() const;
    /// Rows changed by an INSERT, UPDATE or DELETE.
    std::int64_t affected() const;

private:
    friend class PgConnection;
    explicit PgResult(pg_result* result) : m_result(result) {}
    pg_result* m_result = nullptr;
};

/// A notification received on a channel this connection listens to.
struct PgNotification {
    std::string channel;
    std::string payload;
};

/// Move-only owner of a libpq connection.
class PgConnection {
public:
    /// Connects within `settings.connectTimeoutMs` (libpq's own connect_timeout counts whole
    /// seconds and at least 2, too long for a screen): non-blocking, polled to a deadline.
    static Result<PgConnection, PgError> connect(const PgSettings& settings);

    PgConnection(PgConnection&& other) noexcept;
    PgConnection& operator=(PgConnection&& other) noexcept;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection();

    /// Runs one statement with text parameters $1..$n.
    Result<PgResult, PgError> exec(std::string_view sql, const std::vector<PgParam>& params = {});
    /// Runs statements without parameters, several separated by ';' (schema scripts).
    Result<Unit, PgError> script(std::string_view sql);

    /// False once the server is gone; the owner reconnects.
    bool isOpen() const;
    /// Inside BEGIN ... COMMIT (a failed statement there needs a savepoint to go on).
    bool inTransaction() const;

    /// Listens to `channel` (an identifier of our own: not quoted, not from input).
    Result<Unit, PgError> listen(std::string_view channel);
    /// Waits up to `timeoutMs` for notifications and returns those that arrived (none on
    /// timeout); an error when the connection broke while waiting.
    Result<std::vector<PgNotification>, PgError> waitForNotifications(int timeoutMs);

private:
    explicit PgConnection(pg_conn* conn) : m_conn(conn) {}
    PgError errorOf(pg_result* result) const;
    pg_conn* m_conn = nullptr;
};

/// Runs `body` so that its failure undoes only its own statements: under a SAVEPOINT inside
/// a transaction (where a failed statement would otherwise abort everything), plainly
/// outside one.
template <class Body>
auto withSavepoint(PgConnection& conn, Body&& body) -> decltype(body()) {
    if (!conn.inTransaction()) {
        return body();
    }
    if (auto st = conn.script("SAVEPOINT vax_step"); !st) {
        return st.error();
    }
    auto result = body();
    if (auto st =
            conn.script(result ? "RELEASE SAVEPOINT vax_step" : "ROLLBACK TO SAVEPOINT vax_step");
        !st) {
        return st.error();
    }
    return result;
}

/// BEGIN ... COMMIT on a connection; rolls back in the destructor unless committed.
class PgTransaction {
public:
    /// `isolation`: "READ COMMITTED" (PostgreSQL's default) or "SERIALIZABLE".
    static Result<PgTransaction, PgError> begin(PgConnection& conn,
                                                std::string_view isolation = "READ COMMITTED");
    PgTransaction(PgTransaction&& other) noexcept;
    PgTransaction& operator=(PgTransaction&&) = delete;
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    ~PgTransaction();

    Result<Unit, PgError> commit();

private:
    explicit PgTransaction(PgConnection& conn) : m_conn(&conn) {}
    PgConnection* m_conn = nullptr;
};

}  // namespace vax
