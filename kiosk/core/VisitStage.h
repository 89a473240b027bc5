#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// Where a visit is in the site's flow:
/// checked-in -> waiting -> called (desk A/B) -> registered -> vaccinated -> observing -> exited,
/// with deferred, left-early and adverse-reaction off the main path.
enum class Stage {
    CheckedIn,        ///< decision made; staff review pending if not "proceed"
    Waiting,          ///< has a queue number
    Called,           ///< called to a registration desk
    Registered,       ///< registration done, on to vaccination
    Vaccinated,       ///< dose given
    Observing,        ///< in the observation area
    Exited,           ///< left after the observation time
    Deferred,         ///< not vaccinated today, unless a staff override reinstates the visit
    LeftEarly,        ///< left before finishing (queue or observation)
    AdverseReaction,  ///< under care for an adverse reaction
};

inline constexpr int kStageCount = 10;

std::string_view toString(Stage stage);
std::optional<Stage> stageFromString(std::string_view text);

/// True for stages a visit never leaves.
bool isFinal(Stage stage);

/// Checks that a visit may move from `from` to `to`; the error says why not.
Status checkTransition(Stage from, Stage to);

/// Rebuilds a visit's stage from the stages its journal events moved it to, in order,
/// checking every step. The first must be CheckedIn.
Result<Stage> replayStages(const std::vector<Stage>& stages);

}  // namespace vax
