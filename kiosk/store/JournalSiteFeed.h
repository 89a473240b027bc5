#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// One journal entry on its way to the site server, with what the site keys it by: the
/// visit's day and number, and its person as the slips and tickets name them.
struct SiteFeedEntry {
    std::int64_t seq = 0;
    std::int64_t visitId = 0;
    std::string day;
    std::optional<char> desk;
    std::optional<int> number;
    std::int64_t atMs = 0;
    std::string kind;
    std::string stage;
    /// The event's JSON as journaled; for the entries of a dose (vaccinated, exited,
    /// left_early, adverse_reaction) merged with the dose's facts: trace_code, product,
    /// dose_number, station, observation_ends_ms and confirmed (the site granted its code
    /// when it was bound), and the visit's age and campaign_step.
    std::string data;
    std::string personRef;  ///< hex of the keyed hash's first 16 bytes (PersonRef)
    std::string maskedId;
};

/// Reads the journal for the site's replay, in journal order. A view over the journal's
/// database: it writes nothing.
class JournalSiteFeed {
public:
    explicit JournalSiteFeed(Database& db) : m_db(db) {}

    /// Up to `limit` entries after journal position `afterSeq`, oldest first.
    Result<std::vector<SiteFeedEntry>> after(std::int64_t afterSeq, int limit);
    /// The newest journal position (0 for an empty journal).
    Result<std::int64_t> newestSeq();

private:
    Database& m_db;
};

}  // namespace vax
