#include "crypto/SiteKeys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace vax {

namespace {

constexpr std::string_view kHeader = "# VaxKiosk site keys. Secret: keep this file mode 0600.";

void initSodium() {
    if (sodium_init() < 0) {
        std::abort();  // no secure randomness: nothing safe can be done
    }
}

template <std::size_t N>
std::string hex(const std::array<std::uint8_t, N>& key) {
    std::string out(2 * N + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), key.data(), key.size());
    out.pop_back();
    return out;
}

template <std::size_t N>
bool unhex(std::string_view text, std::array<std::uint8_t, N>& key) {
    std::size_t len = 0;
    return text.size() == 2 * N &&
           sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &len,
                          nullptr) == 0 &&
           len == key.size();
}

// "<8 hex id>:<128 hex secret key>"; the public key is derived from the secret one.
std::string formatSigning(const SigningKey& key) {
    char id[9];
    std::snprintf(id, sizeof id, "%08x", key.id);
    return std::string(id) + ":" + hex(key.secretKey);
}

std::optional<SigningKey> parseSigning(std::string_view text) {
    const auto colon = text.find(':');
    if (colon != 8) {
        return std::nullopt;
    }
    SigningKey key;
    char* end = nullptr;
    const std::string idText(text.substr(0, 8));
    key.id = std::uint32_t(std::strtoul(idText.c_str(), &end, 16));
    if (end != idText.c_str() + 8 || !unhex(text.substr(9), key.secretKey)) {
        return std::nullopt;
    }
    crypto_sign_ed25519_sk_to_pk(key.publicKey.data(), key.secretKey.data());
    return key;
}

std::string serialize(const SiteKeys& keys) {
    std::ostringstream text;
    text << kHeader << "\nversion=2\nid_hash_key=" << hex(keys.idHashKey)
         << "\nseal_public=" << hex(keys.sealPublic) << "\nseal_secret=" << hex(keys.sealSecret)
         << "\n";
    if (keys.signing) {
        text << "sign_current=" << formatSigning(*keys.signing) << "\n";
    }
    if (keys.previousSigning) {
        text << "sign_previous=" << formatSigning(*keys.previousSigning) << "\n";
    }
    return text.str();
}

Status writeAll(int fd, const std::string& data, const std::filesystem::path& path) {
    const bool written =
        ::write(fd, data.data(), data.size()) == ssize_t(data.size()) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        return Error{"cannot write key file " + path.string() + ": " + std::strerror(saved)};
    }
    return okStatus();
}

}  // namespace

SigningKey SigningKey::generate() {
    initSodium();
    SigningKey key;
    crypto_sign_keypair(key.publicKey.data(), key.secretKey.data());
    randombytes_buf(&key.id, sizeof key.id);
    return key;
}

SiteKeys SiteKeys::generate() {
    initSodium();
    SiteKeys keys;
    crypto_generichash_keygen(keys.idHashKey.data());
    crypto_box_keypair(keys.sealPublic.data(), keys.sealSecret.data());
    keys.signing = SigningKey::generate();
    return keys;
}

void SiteKeys::rotateSigning() {
    previousSigning = signing;
    SigningKey next = SigningKey::generate();
    while (signing && next.id == signing->id) {
        next = SigningKey::generate();  // ids name keys in tickets: never reuse one
    }
    signing = next;
}

Result<SiteKeys> SiteKeys::load(const std::filesystem::path& path) {
    initSodium();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return Error{"cannot read site key file " + path.string() + ": " + std::strerror(errno) +
                     " (create it with 'vaxctl keys init')"};
    }
    if ((st.st_mode & 077) != 0) {
        return Error{"site key file " + path.string() +
                     " may be read by others: run 'chmod 600' on it"};
    }
    std::ifstream in(path);
    if (!in) {
        return Error{"cannot read site key file " + path.string()};
    }
    SiteKeys keys;
    int required = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const auto eq = line.find('=');
        const std::string name = line.substr(0, eq);
        const std::string_view value =
            eq == std::string::npos ? std::string_view() : std::string_view(line).substr(eq + 1);
        bool ok = false;
        if (name == "version") {
            ok = value == "1" || value == "2";
        } else if (name == "id_hash_key") {
            ok = unhex(value, keys.idHashKey);
        } else if (name == "seal_public") {
            ok = unhex(value, keys.sealPublic);
        } else if (name == "seal_secret") {
            ok = unhex(value, keys.sealSecret);
        } else if (name == "sign_current") {
            keys.signing = parseSigning(value);
            ok = keys.signing.has_value();
            --required;  // optional
        } else if (name == "sign_previous") {
            keys.previousSigning = parseSigning(value);
            ok = keys.previousSigning.has_value();
            --required;
        }
        if (!ok) {
            return Error{"site key file " + path.string() + " is malformed at '" + name + "'"};
        }
        ++required;
    }
    if (required != 4) {
        return Error{"site key file " + path.string() + " is incomplete"};
    }
    return keys;
}

Status SiteKeys::saveNew(const std::filesystem::path& path) const {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error{"cannot create site key file " + path.string() + ": " + std::strerror(errno)};
    }
    return writeAll(fd, serialize(*this), path);
}

Status SiteKeys::replace(const std::filesystem::path& path) const {
    const std::filesystem::path temporary = path.string() + ".new";
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error{"cannot write " + temporary.string() + ": " + std::strerror(errno)};
    }
    if (auto st = writeAll(fd, serialize(*this), temporary); !st) {
        return st;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        return Error{"cannot replace " + path.string() + ": " + std::strerror(saved)};
    }
    return okStatus();
}

}  // namespace vax
