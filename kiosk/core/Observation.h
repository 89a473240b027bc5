#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vax {

/// What the exit scanner tells a person in observation.
enum class ExitVerdict {
    MayLeave,     ///< the observation time has passed: record the exit
    MinutesLeft,  ///< not yet: record the early attempt, show the minutes left
    ClockSkew,    ///< the ticket is dated in the future: staff check the device clocks
};

struct ExitDecision {
    ExitVerdict verdict = ExitVerdict::MayLeave;
    int minutesLeft = 0;  ///< rounded up, for MinutesLeft
};

/// Tolerated clock difference between the station that signed and the exit device.
inline constexpr std::int64_t kClockSkewToleranceS = 120;
/// Observation that ended this long ago without an exit scan is overdue (staff look).
inline constexpr std::int64_t kOverdueAfterS = 15 * 60;

/// Decides at the exit from the signed times and, when a reaction extended it, the later end.
/// All times are Unix seconds.
ExitDecision decideExit(std::int64_t vaccinatedAt, std::int64_t observationEndsAt,
                        std::int64_t now);

/// Adverse reaction categories recorded in observation (for the report, stable keys).
enum class ReactionCategory {
    Angioedema,
    AllergicRash,
    AcuteLaryngealOedema,
    FebrileConvulsion,
    LocalInfection,
    Myocarditis,
    AllergicPurpura,
    Fainting,
    Other,
};

inline constexpr int kReactionCategoryCount = 9;

std::string_view toString(ReactionCategory category);
/// Chinese name for the work report.
std::string_view chineseName(ReactionCategory category);
bool reactionCategoryFromString(std::string_view text, ReactionCategory& out);

}  // namespace vax
