#pragma once

#include <cstdio>
#include <string>

#include "core/Decision.h"
#include "core/ResidentId.h"
#include "crypto/PersonVault.h"
#include "store/Journal.h"

namespace vax::test {

/// A valid 18-character ID number built from a serial, with a correct check character.
inline std::string makeIdNumber(int serial) {
    const int seq = 1 + serial % 999;
    const int day = 1 + (serial / 999) % 28;
    char first17[32];
    std::snprintf(first17, sizeof first17, "110105198807%02d%03d", day, seq);
    return std::string(first17) + ResidentId::checkCharacter(first17);
}

/// A check-in record for `serial` on `day`, decided with the default policy.
inline CheckInRecord makeCheckIn(const PersonVault& vault, int serial, Outcome outcome,
                                 const std::string& day = "2026-11-25",
                                 std::int64_t atMs = 1'795'000'000'000) {
    const auto today = *CivilDate::parseIso(day);
    const auto id = ResidentId::parse(makeIdNumber(serial), today).value();
    Decision decision;
    decision.outcome = outcome;
    decision.age = id.ageOn(today);
    if (outcome == Outcome::Defer) {
        decision.fever = true;
        decision.reasons.push_back({ReasonCode::Fever, Outcome::Defer, "37.8", "fever", "发热"});
    } else if (outcome == Outcome::StaffReview) {
        decision.reasons.push_back(
            {ReasonCode::HealthCodeUnavailable, Outcome::StaffReview, "", "offline", "离线"});
    }
    return CheckInRecord{vault.protect(id),
                         id.birthDate(),
                         id.sex(),
                         HealthCodeStatus::Green,
                         outcome == Outcome::Defer ? 37.8 : 36.5,
                         decision,
                         day,
                         atMs,
                         {'A', 'B'},
                         {},
                         "staff",
                         std::nullopt,
                         VisitNumbering::local()};
}

}  // namespace vax::test
