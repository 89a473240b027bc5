#include "site/Pg.h"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <cstdlib>
#include <utility>

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

// Server notices ("relation already exists, skipping") are not for the device's stderr.
void ignoreNotice(void*, const char*) {}

// libpq's messages end in a newline and continue on tab-indented lines: one line for logs.
std::string trimmed(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\t') {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::string connectionMessage(pg_conn* conn) {
    std::string message = conn != nullptr ? trimmed(PQerrorMessage(conn)) : "";
    return message.empty() ? "cannot reach the site server" : message;
}

// Waits for the socket to be ready as libpq asked, up to `deadline`; false on timeout.
bool awaitSocket(pg_conn* conn, PostgresPollingStatusType want, Clock::time_point deadline) {
    pollfd fd{PQsocket(conn), short(want == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            return false;
        }
        const int ready = ::poll(&fd, 1, int(left.count()));
        if (ready > 0) {
            return true;
        }
        if (ready == 0) {
            return false;
        }
        if (errno != EINTR) {
            return true;  // let PQconnectPoll report the socket's error
        }
    }
}

}  // namespace

// --- PgResult ---

PgResult::PgResult(PgResult&& other) noexcept : m_result(std::exchange(other.m_result, nullptr)) {}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

PgResult::~PgResult() {
    PQclear(m_result);
}

int PgResult::rows() const {
    return PQntuples(m_result);
}

bool PgResult::isNull(int row, int column) const {
    return PQgetisnull(m_result, row, column) == 1;
}

std::string_view PgResult::text(int row, int column) const {
    return {PQgetvalue(m_result, row, column), std::size_t(PQgetlength(m_result, row, column))};
}

std::int64_t PgResult::int64(int row, int column) const {
    return std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
}

bool PgResult::boolean(int row, int column) const {
    return text(row, column) == "t";
}

std::optional<std::int64_t> PgResult::optionalInt64(int row, int column) const {
    if (isNull(row, column)) {
        return std::nullopt;
    }
    return int64(row, column);
}

std::string_view PgResult::command() const {
    return PQcmdStatus(m_result);
}

std::int64_t PgResult::affected() const {
    return std::strtoll(PQcmdTuples(m_result), nullptr, 10);
}

// --- PgConnection ---

Result<PgConnection, PgError> PgConnection::connect(const PgSettings& s) {
    const std::string statementTimeout = std::to_string(s.statementTimeoutMs);
    const std::string options = "-c statement_timeout=" + statementTimeout;
    std::vector<const char*> keys{
        "dbname",          "sslmode",         "application_name",    "options",
        "keepalives",      "keepalives_idle", "keepalives_interval", "keepalives_count",
        "tcp_user_timeout"};
    std::vector<const char*> values{s.uri.c_str(),
                                    s.sslmode.c_str(),
                                    s.applicationName.c_str(),
                                    options.c_str(),
                                    "1",
                                    "5",
                                    "2",
                                    "2",
                                    statementTimeout.c_str()};
    if (!s.password.empty()) {
        keys.push_back("password");
        values.push_back(s.password.c_str());
    }
    if (!s.sslRootCert.empty()) {
        keys.push_back("sslrootcert");
        values.push_back(s.sslRootCert.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    PgConnection conn(PQconnectStartParams(keys.data(), values.data(), 1));
    if (conn.m_conn == nullptr || PQstatus(conn.m_conn) == CONNECTION_BAD) {
        return PgError{"site server: " + connectionMessage(conn.m_conn), "", true};
    }
    const auto deadline = Clock::now() + std::chrono::milliseconds(s.connectTimeoutMs);
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
        if (state == PGRES_POLLING_FAILED) {
            return PgError{"site server: " + connectionMessage(conn.m_conn), "", true};
        }
        if (!awaitSocket(conn.m_conn, state, deadline)) {
            return PgError{
                "site server did not answer within " + std::to_string(s.connectTimeoutMs) + " ms",
                "", true};
        }
        state = PQconnectPoll(conn.m_conn);
    }
    PQsetNoticeProcessor(conn.m_conn, &ignoreNotice, nullptr);
    return conn;
}

PgConnection::PgConnection(PgConnection&& other) noexcept
    : m_conn(std::exchange(other.m_conn, nullptr)) {}

PgConnection& PgConnection::operator=(PgConnection&& other) noexcept {
    if (this != &other) {
        PQfinish(m_conn);
        m_conn = std::exchange(other.m_conn, nullptr);
    }
    return *this;
}

PgConnection::~PgConnection() {
    PQfinish(m_conn);
}

bool PgConnection::isOpen() const {
    return m_conn != nullptr && PQstatus(m_conn) == CONNECTION_OK;
}

bool PgConnection::inTransaction() const {
    const PGTransactionStatusType t = m_conn ? PQtransactionStatus(m_conn) : PQTRANS_UNKNOWN;
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

PgError PgConnection::errorOf(pg_result* result) const {
    PgError error;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    // The primary message only: DETAIL would quote the values of a violated key.
    error.message = "site server: " + (primary ? std::string(primary) : connectionMessage(m_conn));
    if (const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr) {
        error.sqlstate = state;
    }
    error.connectionLost = !isOpen();
    return error;
}

Result<PgResult, PgError> PgConnection::exec(std::string_view sql,
                                             const std::vector<PgParam>& params) {
    if (m_conn == nullptr) {
        return PgError{"site server: not connected", "", true};
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const PgParam& p : params) {
        values.push_back(p ? p->c_str() : nullptr);
    }
    const std::string text(sql);
    PgResult result(PQexecParams(m_conn, text.c_str(), int(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0));
    const ExecStatusType status = PQresultStatus(result.m_result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        return errorOf(result.m_result);
    }
    return result;
}

Result<Unit, PgError> PgConnection::script(std::string_view sql) {
    if (m_conn == nullptr) {
        return PgError{"site server: not connected", "", true};
    }
    const std::string text(sql);
    PgResult result(PQexec(m_conn, text.c_str()));
    const ExecStatusType status = PQresultStatus(result.m_result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        return errorOf(result.m_result);
    }
    return Unit{};
}

Result<Unit, PgError> PgConnection::listen(std::string_view channel) {
    return script("LISTEN " + std::string(channel));
}

Result<std::vector<PgNotification>, PgError> PgConnection::waitForNotifications(int timeoutMs) {
    std::vector<PgNotification> received;
    auto drain = [&] {
        while (PGnotify* n = PQnotifies(m_conn)) {
            received.push_back({n->relname, n->extra});
            PQfreemem(n);
        }
    };
    if (m_conn == nullptr || PQconsumeInput(m_conn) == 0) {
        return errorOf(nullptr);
    }
    drain();
    if (!received.empty()) {
        return received;
    }
    pollfd fd{PQsocket(m_conn), POLLIN, 0};
    const int ready = ::poll(&fd, 1, timeoutMs);
    if (ready < 0 && errno != EINTR) {
        return errorOf(nullptr);
    }
    if (ready > 0) {
        if (PQconsumeInput(m_conn) == 0) {
            return errorOf(nullptr);
        }
        drain();
    }
    return received;
}

// --- PgTransaction ---

Result<PgTransaction, PgError> PgTransaction::begin(PgConnection& conn,
                                                    std::string_view isolation) {
    if (auto st = conn.script("BEGIN ISOLATION LEVEL " + std::string(isolation)); !st) {
        return st.error();
    }
    return PgTransaction(conn);
}

PgTransaction::PgTransaction(PgTransaction&& other) noexcept
    : m_conn(std::exchange(other.m_conn, nullptr)) {}

PgTransaction::~PgTransaction() {
    if (m_conn != nullptr && m_conn->isOpen()) {
        (void)m_conn->script("ROLLBACK");
    }
}

Result<Unit, PgError> PgTransaction::commit() {
    PgConnection* conn = std::exchange(m_conn, nullptr);
    auto done = conn->exec("COMMIT");
    if (!done) {
        return done.error();
    }
    // COMMIT of a transaction that already failed answers ROLLBACK, not an error.
    if (done->command() != "COMMIT") {
        return PgError{"site server: the transaction was rolled back", "40000", !conn->isOpen()};
    }
    return Unit{};
}

}  // namespace vax
