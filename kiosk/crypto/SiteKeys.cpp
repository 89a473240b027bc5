#include "store/SiteKeys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace vax {

namespace {

constexpr std::string_view kHeader = "# VaxKiosk site keys. Secret: keep this file mode 0600.";

std::string hex(const std::array<std::uint8_t, 32>& key) {
    char out[65];
    sodium_bin2hex(out, sizeof out, key.data(), key.size());
    return out;
}

bool unhex(std::string_view text, std::array<std::uint8_t, 32>& key) {
    std::size_t len = 0;
    return text.size() == 64 &&
           sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &len,
                          nullptr) == 0 &&
           len == key.size();
}

}  // namespace

SiteKeys SiteKeys::generate() {
    if (sodium_init() < 0) {
        std::abort();  // no secure randomness: nothing safe can be done
    }
    SiteKeys keys;
    crypto_generichash_keygen(keys.idHashKey.data());
    crypto_box_keypair(keys.sealPublic.data(), keys.sealSecret.data());
    return keys;
}

Result<SiteKeys> SiteKeys::load(const std::filesystem::path& path) {
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
    int found = 0;
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
            ok = value == "1";
        } else if (name == "id_hash_key") {
            ok = unhex(value, keys.idHashKey);
        } else if (name == "seal_public") {
            ok = unhex(value, keys.sealPublic);
        } else if (name == "seal_secret") {
            ok = unhex(value, keys.sealSecret);
        }
        if (!ok) {
            return Error{"site key file " + path.string() + " is malformed at '" + name + "'"};
        }
        ++found;
    }
    if (found != 4) {
        return Error{"site key file " + path.string() + " is incomplete"};
    }
    return keys;
}

Status SiteKeys::saveNew(const std::filesystem::path& path) const {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error{"cannot create site key file " + path.string() + ": " + std::strerror(errno)};
    }
    std::ostringstream text;
    text << kHeader << "\nversion=1\nid_hash_key=" << hex(idHashKey)
         << "\nseal_public=" << hex(sealPublic) << "\nseal_secret=" << hex(sealSecret) << "\n";
    const std::string data = text.str();
    const bool written =
        ::write(fd, data.data(), data.size()) == ssize_t(data.size()) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        return Error{"cannot write site key file " + path.string() + ": " + std::strerror(saved)};
    }
    return okStatus();
}

}  // namespace vax
