// Reader of [site_server]: where the site's PostgreSQL server is and how to reach it safely.

#include <sys/stat.h>

#include <string>
#include <string_view>

#include "config/DevicesAndScanning.h"

namespace vax::config_detail {

namespace {

constexpr std::string_view kSiteServerKeys[] = {"url",     "password_file",      "sslmode",
                                                "ca_file", "connect_timeout_ms", "offline_numbers"};

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// The host part of "postgresql://user@host:port/db?..." ("" for a local socket).
std::string_view uriHost(std::string_view uri) {
    std::string_view rest = uri.substr(uri.find("://") + 3);
    rest = rest.substr(0, rest.find_first_of("/?"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        rest = rest.substr(at + 1);
    }
    if (startsWith(rest, "[")) {
        return rest.substr(0, rest.find(']') + 1);
    }
    return rest.substr(0, rest.find(':'));
}

std::string checkSiteServerUrl(std::string_view text) {
    if (!startsWith(text, "postgresql://") && !startsWith(text, "postgres://")) {
        return "must be a libpq URI \"postgresql://USER@HOST:PORT/DBNAME\", got " + inQuotes(text);
    }
    const std::string_view rest = text.substr(text.find("://") + 3);
    const std::string_view userInfo = rest.substr(0, rest.find('@'));
    if (rest.find('@') != std::string_view::npos && userInfo.find(':') != std::string_view::npos) {
        return "must not hold the password (put it in password_file)";
    }
    for (std::string_view own : {"password=", "sslmode=", "sslrootcert=", "connect_timeout="}) {
        if (text.find(own) != std::string_view::npos) {
            return "must not set " + std::string(own.substr(0, own.size() - 1)) +
                   " (it has its own key in [site_server])";
        }
    }
    if (text.find('/', text.find("://") + 3) == std::string_view::npos) {
        return "must name the database (\"postgresql://USER@HOST/DBNAME\"), got " + inQuotes(text);
    }
    return "";
}

std::string checkSslMode(std::string_view text) {
    for (std::string_view mode : {"verify-full", "verify-ca", "require", "disable"}) {
        if (text == mode) {
            return "";
        }
    }
    return "must be \"verify-full\", \"verify-ca\", \"require\" or \"disable\", got " +
           inQuotes(text);
}

// A loopback address, or a local socket folder ("", or percent-encoded "%2Frun%2F...").
bool isLoopback(std::string_view host) {
    return host.empty() || startsWith(host, "%2F") || startsWith(host, "%2f") ||
           host == "localhost" || host == "[::1]" || startsWith(host, "127.");
}

std::filesystem::path resolved(const std::filesystem::path& baseDir, const std::string& text) {
    const std::filesystem::path path(text);
    return path.is_relative() ? baseDir / path : path;
}

// The password file must exist and be readable by its owner alone: libpq's own rule for
// ~/.pgpass, applied here so a careless copy is caught when the kiosk starts.
std::string checkPasswordFile(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return "cannot read " + inQuotes(path.string());
    }
    if (!S_ISREG(st.st_mode)) {
        return inQuotes(path.string()) + " is not a file";
    }
    if ((st.st_mode & 077) != 0) {
        return inQuotes(path.string()) + " must be readable by its owner only (chmod 600)";
    }
    return "";
}

}  // namespace

void readSiteServer(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                    SiteServerConfig& server) {
    if (!reader.checkKeys(scope, kSiteServerKeys)) {
        return;
    }
    if (auto v = reader.string(scope, "url", true, checkSiteServerUrl)) {
        server.url = std::move(*v);
    }
    if (auto v = reader.string(scope, "sslmode", false, checkSslMode)) {
        server.sslmode = std::move(*v);
    }
    if (!reader.failed() && server.sslmode == "disable" && !isLoopback(uriHost(server.url))) {
        reader.fail(keyLine(scope, "sslmode"), scope.key("sslmode"),
                    "\"disable\" is allowed only to a loopback host; use verify-full on the "
                    "site LAN");
    }
    if (auto v = reader.string(scope, "ca_file", false, checkNonEmpty)) {
        server.caFile = resolved(baseDir, *v);
    }
    if (!reader.failed() && server.sslmode.starts_with("verify") && server.caFile.empty()) {
        reader.fail(keyLine(scope, "ca_file"), scope.key("ca_file"),
                    "sslmode " + server.sslmode + " needs the CA of the server's certificate");
    }
    if (auto v = reader.string(scope, "password_file", false, checkNonEmpty)) {
        server.passwordFile = resolved(baseDir, *v);
        if (const std::string problem = checkPasswordFile(server.passwordFile); !problem.empty()) {
            reader.fail(keyLine(scope, "password_file"), scope.key("password_file"), problem);
        }
    }
    if (const auto v = reader.integer(scope, "connect_timeout_ms", false, 100, 10000)) {
        server.connectTimeoutMs = *v;
    }
    if (const auto v = reader.integer(scope, "offline_numbers", false, 0, 500)) {
        server.offlineNumbers = *v;
    }
}

}  // namespace vax::config_detail
