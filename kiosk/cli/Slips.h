#pragma once

#include <string>

#include "config/KioskConfig.h"
#include "core/Result.h"
#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "store/Journal.h"

namespace vax::cli {

/// The signed queue slip of a queued visit, as printed ("VK1:..."). The person travels as a
/// keyed-hash reference, the masked number, and the number sealed to the site.
Result<std::string> issueSlip(const KioskConfig& config, const SiteKeys& keys,
                              const VisitState& visit, const ProtectedId& person,
                              std::int64_t issuedAtMs);

}  // namespace vax::cli
