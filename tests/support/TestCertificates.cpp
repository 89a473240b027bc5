#include "support/TestCertificates.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace vax::test {

namespace {

template <auto Free>
struct FreeWith {
    template <class T>
    void operator()(T* object) const noexcept {
        Free(object);
    }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, FreeWith<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, FreeWith<X509_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, FreeWith<X509_EXTENSION_free>>;
using BioPtr = std::unique_ptr<BIO, FreeWith<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, FreeWith<BN_free>>;

[[noreturn]] void fail(const std::string& what) {
    std::string message = "test PKI: " + what;
    if (const unsigned long code = ERR_get_error(); code != 0) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        message += ": ";
        message += text;
    }
    ERR_clear_error();
    throw std::runtime_error(message);
}

void check(int result, const char* what) {
    if (result != 1) {
        fail(what);
    }
}

PkeyPtr makeKey() {
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        fail("EC P-256 key generation");
    }
    return key;
}

// A random 63-bit serial (top bit set, so never zero): unique enough that two PKIs made by one test
// run never share an issuer-and-serial pair.
void setRandomSerial(X509* cert) {
    BignumPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 63, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1 ||
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) == nullptr) {
        fail("serial number");
    }
}

void addExtension(X509* cert, X509V3_CTX* context, int nid, const char* value) {
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    if (!extension) {
        fail(std::string("extension ") + OBJ_nid2sn(nid) + "=" + value);
    }
    check(X509_add_ext(cert, extension.get(), -1), "adding an extension");
}

struct Issued {
    X509Ptr cert;
    PkeyPtr key;
};

// What a certificate is for: its subject, and either CA or leaf extensions.
struct Profile {
    const char* commonName;
    bool ca = false;
    const char* subjectAltName = nullptr;    // leaf only
    const char* extendedKeyUsage = nullptr;  // leaf only
};

// Self-signed when `issuer` is null.
Issued issue(const Profile& profile, const Issued* issuer) {
    Issued made{X509Ptr(X509_new()), makeKey()};
    X509* cert = made.cert.get();
    if (cert == nullptr) {
        fail("X509_new");
    }
    check(X509_set_version(cert, X509_VERSION_3), "version");
    setRandomSerial(cert);
    // A minute in the past against clock skew between the test and OpenSSL's checks.
    if (X509_gmtime_adj(X509_getm_notBefore(cert), -60) == nullptr ||
        X509_gmtime_adj(X509_getm_notAfter(cert), 24L * 60 * 60) == nullptr) {
        fail("validity");
    }
    check(X509_set_pubkey(cert, made.key.get()), "public key");
    X509_NAME* subject = X509_get_subject_name(cert);
    check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>("VaxKiosk tests"), -1,
                                     -1, 0),
          "subject O");
    check(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>(profile.commonName), -1,
                                     -1, 0),
          "subject CN");
    X509* issuerCert = issuer != nullptr ? issuer->cert.get() : cert;
    EVP_PKEY* issuerKey = issuer != nullptr ? issuer->key.get() : made.key.get();
    check(X509_set_issuer_name(cert, X509_get_subject_name(issuerCert)), "issuer name");

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuerCert, cert, nullptr, nullptr, 0);
    // The subject key id first: a self-signed CA's authority key id is read from it.
    addExtension(cert, &context, NID_subject_key_identifier, "hash");
    addExtension(cert, &context, NID_authority_key_identifier, "keyid:always");
    if (profile.ca) {
        addExtension(cert, &context, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert, &context, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert, &context, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert, &context, NID_key_usage, "critical,digitalSignature");
        if (profile.extendedKeyUsage != nullptr) {
            addExtension(cert, &context, NID_ext_key_usage, profile.extendedKeyUsage);
        }
        if (profile.subjectAltName != nullptr) {
            addExtension(cert, &context, NID_subject_alt_name, profile.subjectAltName);
        }
    }
    if (X509_sign(cert, issuerKey, EVP_sha256()) <= 0) {
        fail("signing the certificate");
    }
    return made;
}

BioPtr openForWriting(const std::filesystem::path& path) {
    BioPtr file(BIO_new_file(path.c_str(), "w"));
    if (!file) {
        fail("cannot write " + path.string());
    }
    return file;
}

void writeCert(const Issued& issued, const std::filesystem::path& path) {
    BioPtr file = openForWriting(path);
    check(PEM_write_bio_X509(file.get(), issued.cert.get()), "writing a certificate");
}

void writeKey(const Issued& issued, const std::filesystem::path& path) {
    BioPtr file = openForWriting(path);
    check(PEM_write_bio_PrivateKey(file.get(), issued.key.get(), nullptr, nullptr, 0, nullptr,
                                   nullptr),
          "writing a private key");
    file.reset();
    // Throwaway keys, but kept private all the same, as servers expect of key files.
    std::filesystem::permissions(
        path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace

TestPki makeTestPki(const std::filesystem::path& dir) {
    const Issued ca = issue({.commonName = "VaxKiosk Test CA", .ca = true}, nullptr);
    const Issued server = issue({.commonName = "localhost",
                                 .subjectAltName = "DNS:localhost,IP:127.0.0.1",
                                 .extendedKeyUsage = "serverAuth"},
                                &ca);
    const Issued wrongHost = issue({.commonName = "other.example",
                                    .subjectAltName = "DNS:other.example",
                                    .extendedKeyUsage = "serverAuth"},
                                   &ca);
    const Issued client =
        issue({.commonName = "kiosk-test-client", .extendedKeyUsage = "clientAuth"}, &ca);
    const Issued otherCa = issue({.commonName = "Unrelated Test CA", .ca = true}, nullptr);

    TestPki pki;
    pki.caCert = dir / "ca.pem";
    pki.serverCert = dir / "server.pem";
    pki.serverKey = dir / "server-key.pem";
    pki.wrongHostCert = dir / "wrong-host.pem";
    pki.wrongHostKey = dir / "wrong-host-key.pem";
    pki.clientCert = dir / "client.pem";
    pki.clientKey = dir / "client-key.pem";
    pki.otherCaCert = dir / "other-ca.pem";

    writeCert(ca, pki.caCert);
    writeCert(server, pki.serverCert);
    writeKey(server, pki.serverKey);
    writeCert(wrongHost, pki.wrongHostCert);
    writeKey(wrongHost, pki.wrongHostKey);
    writeCert(client, pki.clientCert);
    writeKey(client, pki.clientKey);
    writeCert(otherCa, pki.otherCaCert);
    return pki;
}

}  // namespace vax::test
