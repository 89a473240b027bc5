#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vax {

class Statement;

/// Move-only owner of an open SQLite connection.
class Database {
public:
    /// Opens (creating if needed) the file, with WAL, foreign keys, synchronous=FULL and a
    /// busy timeout, so each commit is on disk before it returns.
    static Result<Database> open(const std::filesystem::path& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more statements that return no rows.
    Status exec(std::string_view sql);
    /// Compiles one statement.
    Result<Statement> prepare(std::string_view sql);
    /// Prepares `sql`, lets `bind` set its parameters, and calls `row` for every result row.
    template <class Bind, class Row>
    Status query(std::string_view sql, Bind&& bind, Row&& row);
    std::int64_t lastInsertId() const;
    int changes() const;
    /// The connection's last error text.
    std::string lastError() const;
    sqlite3* handle() const { return m_db; }

private:
    explicit Database(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

/// Move-only owner of a prepared statement. Bind indexes start at 1, columns at 0.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances: true with a row, false when done; an error for anything else.
    Result<bool> step();
    /// Steps a statement that returns no rows.
    Status run();
    void reset();
    /// Steps through every row, calling `row` with this statement positioned on it.
    template <class Row>
    Status forEachRow(Row&& row) {
        for (;;) {
            auto more = step();
            if (!more) {
                return more.error();
            }
            if (!*more) {
                return okStatus();
            }
            row(*this);
        }
    }

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    /// Valid until the next step or reset.
    std::string_view text(int column) const;
    std::string_view blob(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

template <class Bind, class Row>
Status Database::query(std::string_view sql, Bind&& bind, Row&& row) {
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    bind(*stmt);
    return stmt->forEachRow(row);
}

/// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}
    Database* m_db = nullptr;
};

}  // namespace vax
