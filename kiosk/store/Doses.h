#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/DoseRules.h"
#include "core/Observation.h"
#include "core/Report.h"
#include "core/SignedCode.h"

namespace vax {

/// A station's request: bind this slip's visit to this pack.
struct BindRequest {
    std::int64_t visitId = 0;
    PersonRef person{};  ///< from the verified slip
    PackInfo pack;
    std::string station;
    std::int64_t atMs = 0;
    std::string day;  ///< local date
    int observationMinutes = 30;
    const Policy* policy = nullptr;  ///< the catalogue, for the series of earlier doses
};

/// An earlier binding of the same trace code, shown with the alarm.
struct EarlierBinding {
    std::int64_t visitId = 0;
    std::int64_t vaccinatedAtMs = 0;
    std::string station;
};

/// Why a binding was refused; recorded in the journal too.
struct BindRefusal {
    std::string message;
    std::vector<EarlierBinding> earlier;  ///< set for "trace code already used" alarms
};

struct BoundDose {
    std::int64_t visitId = 0;
    int doseNumber = 1;
    std::string ticket;  ///< signed text
    std::int64_t observationEndsAtMs = 0;
};

/// Signs a dose ticket (CodeSigner); kept out of the store so it holds no keys.
using TicketSigner = std::function<Result<std::string>(const DoseTicket&)>;

/// The result of an exit scan.
struct ExitScan {
    ExitDecision decision;
    std::int64_t visitId = 0;
    std::int64_t observationEndsAtMs = 0;
    bool alreadyLeft = false;
    std::int64_t leftAtMs = 0;
};

/// A bound dose as recorded, for reprinting its ticket.
struct DoseRecord {
    std::int64_t visitId = 0;
    std::string maskedId;
    std::string productCode;
    std::string lot;
    int doseNumber = 1;
    std::string station;
    std::int64_t vaccinatedAtMs = 0;
    std::int64_t observationEndsAtMs = 0;
    std::string ticket;  ///< the signed text, exactly as first printed
};

/// A person in observation, for the staff list.
struct InObservation {
    std::int64_t visitId = 0;
    std::string maskedId;
    std::int64_t observationEndsAtMs = 0;
    bool reaction = false;  ///< under care for an adverse reaction
    bool overdue = false;   ///< ended more than 15 minutes ago, no exit scan
};

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

}  // namespace vax
