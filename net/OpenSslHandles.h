#pragma once

// Internal to vaxnet: owners of OpenSSL objects, and the P-256 public key import that JWS
// verification and JWKS loading share.

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <span>

namespace vax::openssl {

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct EcdsaSigFree {
    void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); }
};
struct BnFree {
    void operator()(BIGNUM* p) const { BN_free(p); }
};
/// For private scalars: wiped before they are freed.
struct BnClearFree {
    void operator()(BIGNUM* p) const { BN_clear_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using BnClearPtr = std::unique_ptr<BIGNUM, BnClearFree>;

/// A P-256 public key from its uncompressed point (0x04 || x || y); null when OpenSSL refuses
/// it. No curve check beyond what the import does (see EVP_PKEY_public_check for that).
PkeyPtr p256PublicKey(std::span<const std::uint8_t> point);

}  // namespace vax::openssl
