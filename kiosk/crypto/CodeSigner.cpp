#include "crypto/CodeSigner.h"

#include <sodium.h>

namespace vax {

Result<CodeSigner> CodeSigner::create(const SiteKeys& keys, std::string siteId) {
    if (!keys.signing) {
        return Error{"the site key file has no signing key yet: run 'vaxctl keys rotate'"};
    }
    return CodeSigner(*keys.signing, std::move(siteId));
}

Result<std::string> CodeSigner::sign(const std::variant<QueueSlip, DoseTicket>& body) const {
    SignedHeader header;
    header.kind = std::holds_alternative<QueueSlip>(body) ? SignedCodeKind::QueueSlip
                                                          : SignedCodeKind::DoseTicket;
    header.keyId = m_key.id;
    header.siteId = m_siteId;
    auto part = encodeSignedPart(header, body);
    if (!part) {
        return part.error();
    }
    std::array<std::uint8_t, kSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, part->data(), part->size(),
                         m_key.secretKey.data());
    return toSignedCodeText(*part, signature);
}

}  // namespace vax
