#pragma once

#include <filesystem>

namespace vax::test {

/// PEM files of a throwaway PKI made at test time with OpenSSL: a test CA, server
/// certificates it signed, and an unrelated CA. Nothing here is ever committed.
struct TestPki {
    std::filesystem::path caCert;         ///< the test CA (self-signed)
    std::filesystem::path serverCert;     ///< for "localhost" and 127.0.0.1, signed by caCert
    std::filesystem::path serverKey;      ///< its private key
    std::filesystem::path wrongHostCert;  ///< for "other.example" only, signed by caCert
    std::filesystem::path wrongHostKey;
    std::filesystem::path clientCert;  ///< a client certificate signed by caCert
    std::filesystem::path clientKey;
    std::filesystem::path otherCaCert;  ///< an unrelated self-signed CA
};

/// Creates the PKI's files in `dir` (which must exist). Throws std::runtime_error on failure
/// (tests only).
TestPki makeTestPki(const std::filesystem::path& dir);

}  // namespace vax::test
