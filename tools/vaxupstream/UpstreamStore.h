#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tools/vaxupstream/UpstreamServer.h"

struct sqlite3;

namespace vax::upstream {

/// A record to store: an Immunization or an event, keyed by its idempotency key.
struct NewRecord {
    std::string key;
    std::string kind;  ///< "immunization" or "event"
    std::optional<std::string> visit;
    std::optional<std::int64_t> seq;
    std::string body;
};

/// What storing one record did.
struct PutOutcome {
    bool created = false;       ///< false: the key was already stored, this was a duplicate
    std::int64_t serverId = 0;  ///< the record's received_order
    std::string firstSeen;      ///< RFC 3339 UTC
};

/// Closes a connection; lets std::unique_ptr own a sqlite3*.
struct SqliteCloser {
    void operator()(sqlite3* db) const noexcept;
};

/// The server's SQLite file: health codes and received records. One mutex serialises every
/// use of the single connection, so any thread may call in (handlers run on httplib's pool).
class UpstreamStore {
public:
    /// Opens or creates the file (WAL) and its tables. Empty path: an in-memory database.
    static std::unique_ptr<UpstreamStore> open(const std::filesystem::path& path,
                                               std::string& error);

    /// Inserts or replaces health codes (fields checked by the caller), in one transaction.
    bool putHealthCodes(const std::vector<HealthCode>& codes, std::string& error);
    /// The entry for exactly this code; nullopt with an empty `error` when there is none.
    std::optional<HealthCode> findHealthCode(const std::string& code, std::string& error);

    /// Stores the records in one transaction, in order: a new key is inserted with the next
    /// received_order, a known key only has its deliveries counted. Nullopt on a database
    /// error, and then nothing is stored.
    std::optional<std::vector<PutOutcome>> putRecords(const std::vector<NewRecord>& records,
                                                      std::string& error);

    /// Fills records, deliveries, duplicates and orderViolations.
    bool counts(UpstreamStats& stats, std::string& error) const;
    /// Every record in order of first delivery.
    bool records(std::vector<StoredRecord>& out, std::string& error) const;

private:
    explicit UpstreamStore(std::unique_ptr<sqlite3, SqliteCloser> db) : m_db(std::move(db)) {}

    mutable std::mutex m_mutex;
    std::unique_ptr<sqlite3, SqliteCloser> m_db;  // guarded by m_mutex
};

}  // namespace vax::upstream
