#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Observation.h"
#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// The result of an exit scan.
struct ExitScan {
    ExitDecision decision;
    std::int64_t visitId = 0;
    std::int64_t observationEndsAtMs = 0;
    bool alreadyLeft = false;
    std::int64_t leftAtMs = 0;
};

/// A person in observation, for the staff list.
struct InObservation {
    std::int64_t visitId = 0;
    std::string maskedId;
    std::int64_t observationEndsAtMs = 0;
    bool reaction = false;  ///< under care for an adverse reaction
    bool overdue = false;   ///< ended more than 15 minutes ago, no exit scan
};

/// The journal's observation after a dose: the exit scan and who is in observation now.
class JournalObservation {
public:
    explicit JournalObservation(Database& db) : m_db(db) {}

    /// Exit: may the person of this dose leave now? Records the exit or the early attempt.
    Result<ExitScan> exitScan(std::int64_t visitId, const std::string& traceCode,
                              std::int64_t nowMs);
    /// People in observation now, with the overdue flagged.
    Result<std::vector<InObservation>> observationList(std::int64_t nowMs);

private:
    Database& m_db;
};

}  // namespace vax
