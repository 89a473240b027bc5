#pragma once

#include <string>
#include <variant>

#include "core/Result.h"
#include "core/SignedCode.h"
#include "crypto/SiteKeys.h"

namespace vax {

/// Signs queue slips and dose tickets with the site's current Ed25519 key.
class CodeSigner {
public:
    /// Fails when the key file has no signing key yet (a version 1 file: `vaxctl keys rotate`).
    static Result<CodeSigner> create(const SiteKeys& keys, std::string siteId);

    /// The printable text ("VK1:...") of a signed slip or ticket.
    Result<std::string> sign(const std::variant<QueueSlip, DoseTicket>& body) const;

private:
    CodeSigner(SigningKey key, std::string siteId) : m_key(key), m_siteId(std::move(siteId)) {}
    SigningKey m_key;
    std::string m_siteId;
};

}  // namespace vax
