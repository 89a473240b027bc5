#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/DoseRules.h"
#include "core/Result.h"
#include "core/SignedCode.h"
#include "store/Sqlite.h"

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

/// The journal's doses: the station's bindings of a visit to a pack, and their tickets.
class JournalDoses {
public:
    explicit JournalDoses(Database& db) : m_db(db) {}

    /// Station: binds a dose to the slip's visit and pack (one person, one dose, one code),
    /// signs its ticket with `sign`, and moves the visit to observation, in one transaction.
    /// A refusal says why and is itself journaled.
    Result<BoundDose, BindRefusal> bindDose(const BindRequest& request, const TicketSigner& sign);
    /// The recorded dose of a visit (its ticket for a reprint).
    Result<DoseRecord> doseRecord(std::int64_t visitId);

private:
    Database& m_db;
};

}  // namespace vax
