#include "tools/vaxupstream/UpstreamStore.h"

#include <sqlite3.h>

#include <stdexcept>
#include <string_view>
#include <utility>

#include "tools/vaxupstream/UpstreamPayloads.h"

namespace vax::upstream {

void SqliteCloser::operator()(sqlite3* db) const noexcept {
    sqlite3_close_v2(db);
}

namespace {

// Thrown by the helpers below and caught at every public function of the store, which turns
// it into an error value: the SQL code reads straight through without a check per call.
class SqlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw SqlError(std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw SqlError(text);
    }
}

struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};

/// A prepared statement, finalised when it goes out of scope. Binds start at 1, columns at 0.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql) : m_db(db) {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
            SQLITE_OK) {
            fail(db, "prepare");
        }
        m_stmt.reset(raw);
    }

    Statement& bind(int index, std::string_view text) {
        // SQLITE_TRANSIENT: SQLite copies, so temporaries may be bound.
        check(sqlite3_bind_text(m_stmt.get(), index, text.data(), static_cast<int>(text.size()),
                                SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int index, std::int64_t value) {
        check(sqlite3_bind_int64(m_stmt.get(), index, value));
        return *this;
    }
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        if (value) {
            return bind(index, *value);
        }
        check(sqlite3_bind_null(m_stmt.get(), index));
        return *this;
    }

    /// True with a row, false when done.
    bool step() {
        const int rc = sqlite3_step(m_stmt.get());
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            fail(m_db, "step");
        }
        return false;
    }
    void run() {
        step();
        reset();
    }
    void reset() {
        sqlite3_reset(m_stmt.get());
        sqlite3_clear_bindings(m_stmt.get());
    }

    bool isNull(int column) const {
        return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
    }
    std::int64_t int64(int column) const { return sqlite3_column_int64(m_stmt.get(), column); }
    std::string text(int column) const {
        const auto* data = sqlite3_column_text(m_stmt.get(), column);
        const int size = sqlite3_column_bytes(m_stmt.get(), column);
        return data ? std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(size))
                    : std::string();
    }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) {
            fail(m_db, "bind");
        }
    }

    std::unique_ptr<sqlite3_stmt, StatementFinalizer> m_stmt;
    sqlite3* m_db;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back unless committed, so a failure stores nothing.
class Transaction {
public:
    explicit Transaction(sqlite3* db) : m_db(db) { exec(db, "BEGIN IMMEDIATE"); }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (!m_committed) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
    void commit() {
        exec(m_db, "COMMIT");
        m_committed = true;
    }

private:
    sqlite3* m_db;
    bool m_committed = false;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS healthcodes(
    code       TEXT PRIMARY KEY,
    status     TEXT NOT NULL CHECK (status IN ('green', 'yellow', 'red')),
    name       TEXT NOT NULL,
    masked_id  TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records(
    key            TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('immunization', 'event')),
    visit          TEXT,
    seq            INTEGER,
    received_order INTEGER NOT NULL UNIQUE,
    body           TEXT NOT NULL,
    first_seen     TEXT NOT NULL,
    deliveries     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS records_by_visit ON records(visit, received_order);
)sql";

// A record violates the order when an earlier first delivery of the same visit had a higher
// seq: the same as "its seq was below the visit's highest seq when it arrived", but derived
// from the table alone, so it stays right across restarts without a column of its own.
constexpr std::string_view kViolation =
    "(r.visit IS NOT NULL AND r.seq IS NOT NULL AND EXISTS (SELECT 1 FROM records p"
    " WHERE p.visit = r.visit AND p.received_order < r.received_order AND p.seq > r.seq))";

}  // namespace

std::unique_ptr<UpstreamStore> UpstreamStore::open(const std::filesystem::path& path,
                                                   std::string& error) {
    const std::string name = path.empty() ? std::string(":memory:") : path.string();
    sqlite3* raw = nullptr;
    // NOMUTEX: m_mutex already serialises the one connection.
    const int rc =
        sqlite3_open_v2(name.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<sqlite3, SqliteCloser> db(raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK) {
        error = "cannot open database " + name + ": " +
                (raw ? sqlite3_errmsg(raw) : std::string("out of memory"));
        return nullptr;
    }
    try {
        sqlite3_busy_timeout(raw, 5000);
        // WAL so a demo script may read the file while the server writes it. NORMAL is
        // durable across a crash of this process, which is all a test server needs.
        exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        exec(raw, kSchema);
    } catch (const SqlError& e) {
        error = "cannot set up database " + name + ": " + e.what();
        return nullptr;
    }
    return std::unique_ptr<UpstreamStore>(new UpstreamStore(std::move(db)));
}

bool UpstreamStore::putHealthCodes(const std::vector<HealthCode>& codes, std::string& error) {
    const std::lock_guard lock(m_mutex);
    try {
        Transaction tx(m_db.get());
        Statement put(m_db.get(),
                      "INSERT OR REPLACE INTO healthcodes(code, status, name, masked_id,"
                      " updated_at) VALUES(?1, ?2, ?3, ?4, ?5)");
        for (const HealthCode& code : codes) {
            put.bind(1, code.code)
                .bind(2, code.status)
                .bind(3, code.name)
                .bind(4, code.maskedId)
                .bind(5, code.updatedAt)
                .run();
        }
        tx.commit();
        return true;
    } catch (const SqlError& e) {
        error = std::string("cannot store health code: ") + e.what();
        return false;
    }
}

std::optional<HealthCode> UpstreamStore::findHealthCode(const std::string& code,
                                                        std::string& error) {
    const std::lock_guard lock(m_mutex);
    error.clear();
    try {
        Statement find(m_db.get(),
                       "SELECT status, name, masked_id, updated_at FROM healthcodes"
                       " WHERE code = ?1");
        find.bind(1, code);
        if (!find.step()) {
            return std::nullopt;
        }
        return HealthCode{code, find.text(0), find.text(1), find.text(2), find.text(3)};
    } catch (const SqlError& e) {
        error = std::string("cannot read health codes: ") + e.what();
        return std::nullopt;
    }
}

std::optional<std::vector<PutOutcome>> UpstreamStore::putRecords(
    const std::vector<NewRecord>& records, std::string& error) {
    const std::lock_guard lock(m_mutex);
    try {
        Transaction tx(m_db.get());
        Statement find(m_db.get(), "SELECT received_order, first_seen FROM records WHERE key = ?1");
        Statement bump(m_db.get(), "UPDATE records SET deliveries = deliveries + 1 WHERE key = ?1");
        Statement next(m_db.get(), "SELECT COALESCE(MAX(received_order), 0) + 1 FROM records");
        Statement insert(m_db.get(),
                         "INSERT INTO records(key, kind, visit, seq, received_order, body,"
                         " first_seen, deliveries) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)");
        const std::string now = nowRfc3339();
        std::vector<PutOutcome> outcomes;
        outcomes.reserve(records.size());
        for (const NewRecord& record : records) {
            find.bind(1, record.key);
            if (find.step()) {
                PutOutcome outcome{false, find.int64(0), find.text(1)};
                find.reset();
                bump.bind(1, record.key).run();
                outcomes.push_back(std::move(outcome));
                continue;
            }
            find.reset();
            next.step();
            const std::int64_t order = next.int64(0);
            next.reset();
            insert.bind(1, record.key)
                .bind(2, record.kind)
                .bind(3, record.visit)
                .bind(4, record.seq)
                .bind(5, order)
                .bind(6, record.body)
                .bind(7, now)
                .run();
            outcomes.push_back(PutOutcome{true, order, now});
        }
        tx.commit();
        return outcomes;
    } catch (const SqlError& e) {
        error = std::string("cannot store records: ") + e.what();
        return std::nullopt;
    }
}

bool UpstreamStore::counts(UpstreamStats& stats, std::string& error) const {
    const std::lock_guard lock(m_mutex);
    try {
        Statement totals(m_db.get(),
                         "SELECT COUNT(*), COALESCE(SUM(deliveries), 0),"
                         " COALESCE(SUM(deliveries - 1), 0) FROM records");
        totals.step();
        stats.records = totals.int64(0);
        stats.deliveries = totals.int64(1);
        stats.duplicates = totals.int64(2);
        Statement violations(m_db.get(),
                             "SELECT COUNT(*) FROM records r WHERE " + std::string(kViolation));
        violations.step();
        stats.orderViolations = violations.int64(0);
        return true;
    } catch (const SqlError& e) {
        error = std::string("cannot count records: ") + e.what();
        return false;
    }
}

bool UpstreamStore::records(std::vector<StoredRecord>& out, std::string& error) const {
    const std::lock_guard lock(m_mutex);
    try {
        Statement all(
            m_db.get(),
            "SELECT key, kind, visit, seq, received_order, deliveries, body, first_seen, " +
                std::string(kViolation) + " FROM records r ORDER BY received_order");
        while (all.step()) {
            StoredRecord record;
            record.key = all.text(0);
            record.kind = all.text(1);
            if (!all.isNull(2)) {
                record.visit = all.text(2);
            }
            if (!all.isNull(3)) {
                record.seq = all.int64(3);
            }
            record.receivedOrder = all.int64(4);
            record.deliveries = all.int64(5);
            record.body = all.text(6);
            record.firstSeen = all.text(7);
            record.orderViolation = all.int64(8) != 0;
            out.push_back(std::move(record));
        }
        return true;
    } catch (const SqlError& e) {
        error = std::string("cannot read records: ") + e.what();
        return false;
    }
}

}  // namespace vax::upstream
