#include "net/OpenSslHandles.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <vector>

namespace vax::openssl {

PkeyPtr p256PublicKey(std::span<const std::uint8_t> point) {
    std::vector<std::uint8_t> copy(point.begin(), point.end());  // OSSL_PARAM wants it mutable
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, copy.data(), copy.size()),
        OSSL_PARAM_construct_end(),
    };
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) {
        return nullptr;
    }
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        return nullptr;
    }
    return PkeyPtr(raw);
}

}  // namespace vax::openssl
