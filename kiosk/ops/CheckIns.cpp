#include "ops/CheckIns.h"

#include "crypto/PersonVault.h"

namespace vax {

std::string personRefHex(const ProtectedId& person) {
    static const char* const kHex = "0123456789abcdef";
    std::string hex;
    for (std::size_t i = 0; i < std::min<std::size_t>(person.hash.size(), 16); ++i) {
        const auto byte = static_cast<unsigned char>(person.hash[i]);
        hex += kHex[byte >> 4];
        hex += kHex[byte & 0xF];
    }
    return hex;
}

Result<RecordedCheckIn> recordCheckIn(const KioskConfig& config, const SiteKeys& keys,
                                      Journal& journal, const ResidentId& id,
                                      const CheckInFacts& facts, const SiteTime& at,
                                      CheckInProvenance provenance, SiteLink* site) {
    ProtectedId person = PersonVault(keys).protect(id);
    auto today = journal.visits().personDay(person.hash, at.date.iso());
    if (!today) {
        return Error{"check-in not recorded: " + today.error().message};
    }
    CheckInFacts decided = facts;
    decided.vaccinatedToday = today->vaccinated;
    Decision decision = decideCheckIn(decided, config.policy);
    const std::vector<Desk> desks{'A', 'B'};
    NumberPlan plan;
    // A person whose visit of the day is open here gets it back from the journal: only a
    // new queued visit asks the site for its number.
    if (decision.outcome == Outcome::Proceed && !today->openVisitId) {
        NumberRequest request;
        request.day = at.date.iso();
        request.personHash = personRefHex(person);
        request.maskedId = person.masked;
        request.desks = desks;
        request.atMs = at.unixMs;
        request.age = decision.age;
        request.campaignStep = decision.campaignStepId.value_or("");
        plan = planNumber(site, journal.database(), request);
        if (plan.exhausted) {
            decided.noQueueNumber = true;
            decision = decideCheckIn(decided, config.policy);
        }
    }
    const CheckInRecord record{std::move(person),
                               id.birthDate(),
                               id.sex(),
                               facts.healthCode,
                               facts.temperature.celsius,
                               decision,
                               at.date.iso(),
                               at.unixMs,
                               desks,
                               std::move(provenance.measurementIds),
                               std::move(provenance.healthCodeSource),
                               facts.priorDoses,
                               plan.numbering};
    auto visit = journal.visits().checkIn(record);
    if (!visit) {
        return Error{"check-in not recorded: " + visit.error().message};
    }
    if (plan.numbering.origin == VisitNumbering::Origin::Site) {
        // The site counts who is ahead over every kiosk; it also says when the number is
        // the one the person already holds from another kiosk.
        visit->peopleAhead = plan.peopleAhead;
        visit->returned = visit->returned || plan.returned;
    }
    return RecordedCheckIn{decision, record.person, *visit, plan};
}

Result<VisitState> overrideVisit(Journal& journal, const Override& decision, const std::string& day,
                                 SiteLink* site) {
    VisitNumbering numbering;
    if (decision.outcome == Outcome::Proceed && site) {
        auto person = journal.visits().personOf(decision.visitId);
        if (!person) {
            return person.error();
        }
        NumberRequest request;
        request.day = day;
        request.personHash = personRefHex(*person);
        request.maskedId = person->masked;
        request.desks = decision.desks;
        request.atMs = decision.atMs;
        const NumberPlan plan = planNumber(site, journal.database(), request);
        if (plan.exhausted) {
            return Error{"no queue number: the site server cannot be reached (" + plan.siteError +
                         ") and this kiosk's reserved numbers are used up; try again when the"
                         " site is back"};
        }
        numbering = plan.numbering;
    }
    return journal.visits().override(decision, numbering);
}

}  // namespace vax
