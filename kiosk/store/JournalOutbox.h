#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// A journal record waiting for upload (the outbox), with the facts it reports.
struct OutboxItem {
    std::int64_t id = 0;  ///< upload order; also the record's sequence within its visit
    std::string key;      ///< "event/<seq>" or "immunization/<dose id>", unique at this device
    std::string kind;     ///< "event" or "immunization"
    std::int64_t visitId = 0;
    std::int64_t createdAtMs = 0;
    int attempts = 0;
    /// JSON. An event: seq, visit, at_ms, kind, stage, data. An immunization: the dose (person
    /// reference, masked ID, product, lot, expiry, trace code, dose number, station, time)
    /// with the reactions recorded so far. Never an ID number or a name. Empty when `problem`
    /// is set.
    std::string facts;
    /// Why the row cannot become an upload record (its source is gone, its data is not JSON,
    /// a text is not UTF-8); empty when it can. Names no person.
    std::string problem;
};

/// A record the upstream refused for good, kept aside with the reason.
struct RefusedRecord {
    std::int64_t id = 0;
    std::string key;
    std::string reason;
    std::int64_t atMs = 0;
};

/// The outbox at a glance.
struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t delivered = 0;
    std::int64_t refused = 0;
    std::optional<std::int64_t> oldestPendingAtMs;
    std::optional<std::string> lastError;  ///< of the oldest pending record, if it failed
    std::vector<RefusedRecord> refusedRecords;
};

/// The journal's upload outbox: records waiting for the upstream and what became of them.
class JournalOutbox {
public:
    explicit JournalOutbox(Database& db) : m_db(db) {}

    /// The oldest pending outbox records, in upload order, at most `limit`. A row that cannot
    /// be read as a record comes too, in its place, with its `problem` set.
    Result<std::vector<OutboxItem>> pending(int limit);
    /// Marks records delivered (the upstream stored them, or already had them).
    Status delivered(const std::vector<std::int64_t>& ids, std::int64_t atMs);
    /// Counts a failed attempt (network, 5xx): the records stay pending, in order.
    Status attemptFailed(const std::vector<std::int64_t>& ids, const std::string& error,
                         std::int64_t atMs);
    /// Sets a record aside that the upstream refused for good (4xx), with the reason.
    Status refused(std::int64_t id, const std::string& reason, std::int64_t atMs);
    /// Counts by state, the oldest pending record and the refused ones.
    Result<OutboxCounts> status();
    /// Puts every refused record back in the queue (after the cause was fixed); how many.
    Result<std::int64_t> retryRefused(std::int64_t atMs);

private:
    Database& m_db;
};

}  // namespace vax
