#pragma once

#include <string>

#include "config/KioskConfig.h"
#include "core/Result.h"
#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "crypto/TrustList.h"
#include "store/Journal.h"

namespace vax {

/// The signed queue slip of a queued visit, as printed ("VK1:..."). The person travels as a
/// keyed-hash reference, the masked number, and the number sealed to the site.
Result<std::string> issueSlip(const KioskConfig& config, const SiteKeys& keys,
                              const VisitState& visit, const ProtectedId& person,
                              std::int64_t issuedAtMs);

/// The trust list of this device: its trust file, or its own site keys.
Result<TrustList> loadTrust(const KioskConfig& config);

}  // namespace vax
