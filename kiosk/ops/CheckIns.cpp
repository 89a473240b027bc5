#include "ops/CheckIns.h"

#include "crypto/PersonVault.h"

namespace vax {

Result<RecordedCheckIn> recordCheckIn(const KioskConfig& config, const SiteKeys& keys,
                                      Journal& journal, const ResidentId& id,
                                      const CheckInFacts& facts, const SiteTime& at,
                                      CheckInProvenance provenance) {
    ProtectedId person = PersonVault(keys).protect(id);
    auto today = journal.visits().personDay(person.hash, at.date.iso());
    if (!today) {
        return Error{"check-in not recorded: " + today.error().message};
    }
    CheckInFacts decided = facts;
    decided.vaccinatedToday = today->vaccinated;
    const Decision decision = decideCheckIn(decided, config.policy);
    const CheckInRecord record{std::move(person),
                               id.birthDate(),
                               id.sex(),
                               facts.healthCode,
                               facts.temperature.celsius,
                               decision,
                               at.date.iso(),
                               at.unixMs,
                               {'A', 'B'},
                               std::move(provenance.measurementIds),
                               std::move(provenance.healthCodeSource),
                               facts.priorDoses};
    auto visit = journal.visits().checkIn(record);
    if (!visit) {
        return Error{"check-in not recorded: " + visit.error().message};
    }
    return RecordedCheckIn{decision, record.person, *visit};
}

}  // namespace vax
