#include "ops/CheckIns.h"

#include "crypto/PersonVault.h"

namespace vax {

Result<RecordedCheckIn> recordCheckIn(const KioskConfig& config, const SiteKeys& keys,
                                      Journal& journal, const ResidentId& id,
                                      const CheckInFacts& facts, const SiteTime& at,
                                      CheckInProvenance provenance) {
    const Decision decision = decideCheckIn(facts, config.policy);
    const CheckInRecord record{PersonVault(keys).protect(id),
                               id.birthDate(),
                               id.sex(),
                               facts.healthCode,
                               facts.temperature.celsius,
                               decision,
                               at.date.iso(),
                               at.unixMs,
                               {'A', 'B'},
                               std::move(provenance.measurementIds),
                               std::move(provenance.healthCodeSource)};
    auto visit = journal.checkIn(record);
    if (!visit) {
        return Error{"check-in not recorded: " + visit.error().message};
    }
    return RecordedCheckIn{decision, record.person, *visit};
}

}  // namespace vax
