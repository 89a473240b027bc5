#pragma once

#include <cstdint>
#include <string>

#include "core/Observation.h"
#include "core/Result.h"
#include "store/Sqlite.h"
#include "store/VisitState.h"

namespace vax {

/// A recorded adverse reaction.
struct ReactionRecord {
    std::int64_t visitId = 0;
    ReactionCategory category = ReactionCategory::Other;
    std::int64_t onsetAtMs = 0;
    std::string action;
    std::string outcome;
    std::string staff;
    std::int64_t atMs = 0;
    int extendMinutes = 30;  ///< observation goes on at least this long after recording
};

/// The journal's adverse reactions after a dose.
class JournalReactions {
public:
    explicit JournalReactions(Database& db) : m_db(db) {}

    /// Records an adverse reaction: the visit goes under care and observation is extended.
    Result<VisitState> recordReaction(const ReactionRecord& reaction);

private:
    Database& m_db;
};

}  // namespace vax
