#pragma once

#include <cstdint>
#include <optional>

#include "core/Decision.h"
#include "core/Queue.h"
#include "core/VisitStage.h"

namespace vax {

/// Where a visit stands after a journal write.
struct VisitState {
    std::int64_t visitId = 0;
    Stage stage = Stage::CheckedIn;
    Outcome decision = Outcome::Proceed;
    std::optional<QueueNumber> queueNumber;
    std::int64_t lastEventSeq = 0;  ///< the journal position that was committed
    /// checkIn only: the person's open visit of the day, given back (same number) rather
    /// than a new one; the repeated check-in is journaled on it.
    bool returned = false;
    /// checkIn only, when queued: people waiting or called before this number at its desk.
    std::optional<int> peopleAhead;
    /// Numbered from this device's reserved block while the site server could not be
    /// reached: the slip and the screen say "offline".
    bool numberedOffline = false;
};

}  // namespace vax
