#include "ops/Slips.h"

#include <algorithm>

#include "crypto/CodeSigner.h"

namespace vax {

Result<std::string> issueSlip(const KioskConfig& config, const SiteKeys& keys,
                              const VisitState& visit, const ProtectedId& person,
                              std::int64_t issuedAtMs) {
    if (!visit.queueNumber) {
        return Error{"visit " + std::to_string(visit.visitId) + " has no queue number"};
    }
    auto signer = CodeSigner::create(keys, config.site.id);
    if (!signer) {
        return signer.error();
    }
    QueueSlip slip;
    slip.visitId = visit.visitId;
    slip.desk = visit.queueNumber->desk;
    slip.number = std::uint16_t(visit.queueNumber->number);
    std::copy_n(person.hash.begin(), slip.person.size(), slip.person.begin());
    slip.maskedId = person.masked;
    slip.decision = std::uint8_t(visit.decision);
    slip.issuedAtUnix = issuedAtMs / 1000;
    slip.sealedId.assign(person.sealed.begin(), person.sealed.end());
    return signer->sign(slip);
}

Result<TrustList> loadTrust(const KioskConfig& config) {
    if (!config.site.trustFile.empty()) {
        return TrustList::load(config.site.trustFile);
    }
    auto keys = SiteKeys::load(config.site.keyFile);
    if (!keys) {
        return keys.error();
    }
    return TrustList::fromSiteKeys(*keys, config.site.id);
}

}  // namespace vax
