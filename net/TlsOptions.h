#pragma once

#include <string>

namespace vax {

/// TLS settings of an HttpClient. Certificate verification is always on (peer and host name);
/// there is deliberately no switch to turn it off, not even for tests: tests use a CA of their
/// own instead.
struct TlsOptions {
    /// PEM file of the CAs to trust. Empty: the system store. When set it replaces the system
    /// store, so a kiosk pinned to a private CA does not also trust every public CA.
    std::string caFile;
    /// PEM client certificate for servers that require one (mutual TLS); empty for none.
    std::string clientCert;
    /// PEM private key of clientCert (unencrypted).
    std::string clientKey;
};

}  // namespace vax
