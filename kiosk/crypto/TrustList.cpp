#include "crypto/TrustList.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vax {

namespace {

TrustedKey trusted(const SigningKey& key, const std::string& siteId) {
    return TrustedKey{siteId, key.id, key.publicKey};
}

}  // namespace

TrustList TrustList::fromSiteKeys(const SiteKeys& keys, const std::string& siteId) {
    TrustList list;
    for (const auto& key : {keys.signing, keys.previousSigning}) {
        if (key) {
            list.m_keys.push_back(trusted(*key, siteId));
        }
    }
    return list;
}

Result<TrustList> TrustList::load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        return Error{"cannot read trust file " + path.string()};
    }
    if (sodium_init() < 0) {
        return Error{"libsodium cannot start"};
    }
    TrustList list;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        std::string site, id, pk;
        TrustedKey key;
        std::size_t len = 0;
        char* end = nullptr;
        const bool ok = (fields >> site >> id >> pk) && id.size() == 8 &&
                        (key.keyId = std::uint32_t(std::strtoul(id.c_str(), &end, 16)),
                         end == id.c_str() + 8) &&
                        pk.size() == 64 &&
                        sodium_hex2bin(key.publicKey.data(), key.publicKey.size(), pk.data(),
                                       pk.size(), nullptr, &len, nullptr) == 0 &&
                        len == key.publicKey.size();
        if (!ok) {
            return Error{path.string() + ":" + std::to_string(number) +
                         ": expected '<site id> <key id: 8 hex> <public key: 64 hex>'"};
        }
        key.siteId = site;
        list.m_keys.push_back(key);
    }
    return list;
}

std::string TrustList::serialize() const {
    std::string out = "# VaxKiosk trust list: <site id> <key id> <Ed25519 public key>\n";
    for (const auto& key : m_keys) {
        char id[9];
        std::snprintf(id, sizeof id, "%08x", key.keyId);
        char pk[65];
        sodium_bin2hex(pk, sizeof pk, key.publicKey.data(), key.publicKey.size());
        out += key.siteId + " " + id + " " + pk + "\n";
    }
    return out;
}

Result<SignedCode, VerifyFailure> TrustList::verify(std::string_view text,
                                                    std::string_view siteId) const {
    auto parsed = parseSignedCode(text);
    if (!parsed) {
        return VerifyFailure{VerifyError::Malformed, parsed.error().message};
    }
    const SignedHeader& header = parsed->header;
    if (header.siteId != siteId) {
        return VerifyFailure{VerifyError::OtherSite,
                             "issued by another vaccination site (" + header.siteId + ")"};
    }
    for (const auto& key : m_keys) {
        if (key.siteId != header.siteId || key.keyId != header.keyId) {
            continue;
        }
        if (crypto_sign_verify_detached(parsed->signature.data(), parsed->signedPart.data(),
                                        parsed->signedPart.size(), key.publicKey.data()) != 0) {
            return VerifyFailure{VerifyError::BadSignature,
                                 "the signature does not match: altered or forged"};
        }
        return std::move(parsed).value();
    }
    return VerifyFailure{VerifyError::UnknownKey, "signed with a key this device does not trust"};
}

}  // namespace vax
