#pragma once

#include "EntryTypes.h"
#include "core/CivilDate.h"
#include "core/Decision.h"
#include "core/ResidentId.h"

namespace vax::app {

/// The core decision's facts from what the entry screens gathered: `id` is the request's ID
/// number, parsed; `request.answers` holds one answer per question. Shared by the EntryWorker
/// and the screens' test backend, so both decide alike.
CheckInFacts checkInFacts(const CheckInRequest& request, const ResidentId& id, CivilDate today);

}  // namespace vax::app
