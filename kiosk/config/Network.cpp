// Reader of [network]: the health-code and records services, TLS material, trust for signed
// health codes, and the age limits that keep stale or replayed codes from passing.

#include <string>
#include <string_view>

#include "config/DevicesAndScanning.h"

namespace vax::config_detail {

namespace {

constexpr std::string_view kNetworkKeys[] = {
    "device_id",  "health_code_service", "records_service",   "ca_file",          "client_cert",
    "client_key", "jwks_file",           "offline_max_age_s", "status_max_age_h", "upload_batch"};

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// https only; plain http is allowed on loopback alone (the reference server in the demo).
std::string checkServiceUrl(std::string_view text) {
    for (std::string_view loopback : {"http://127.0.0.1:", "http://localhost:", "http://[::1]:"}) {
        if (startsWith(text, loopback) && text.size() > loopback.size()) {
            return "";
        }
    }
    if (startsWith(text, "http://")) {
        return "must start with \"https://\" (plain http only to 127.0.0.1 or localhost), got " +
               inQuotes(text);
    }
    if (!startsWith(text, "https://") || text.size() == 8 || text[8] == '/') {
        return "must be an https:// URL with a host, got " + inQuotes(text);
    }
    if (text.back() == '/') {
        return "must not end with \"/\" (paths are appended to it), got " + inQuotes(text);
    }
    return "";
}

std::filesystem::path resolved(const std::filesystem::path& baseDir, const std::string& text) {
    const std::filesystem::path path(text);
    return path.is_relative() ? baseDir / path : path;
}

}  // namespace

void readNetwork(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                 NetworkConfig& network) {
    if (!reader.checkKeys(scope, kNetworkKeys)) {
        return;
    }
    if (auto v = reader.string(scope, "device_id", false, checkIdentifier)) {
        network.deviceId = std::move(*v);
    }
    if (auto v = reader.string(scope, "health_code_service", false, checkServiceUrl)) {
        network.healthCodeService = std::move(*v);
    }
    if (auto v = reader.string(scope, "records_service", false, checkServiceUrl)) {
        network.recordsService = std::move(*v);
    }
    for (auto [key, field] :
         {std::pair{"ca_file", &network.caFile}, std::pair{"client_cert", &network.clientCert},
          std::pair{"client_key", &network.clientKey}, std::pair{"jwks_file", &network.jwksFile}}) {
        if (const auto v = reader.string(scope, key, false, checkNonEmpty)) {
            *field = resolved(baseDir, *v);
        }
    }
    if (network.clientCert.empty() != network.clientKey.empty() && !reader.failed()) {
        const char* missing = network.clientCert.empty() ? "client_cert" : "client_key";
        reader.fail(keyLine(scope, missing), scope.key(missing),
                    "client_cert and client_key go together");
    }
    if (const auto v = reader.integer(scope, "offline_max_age_s", false, 30, 3600)) {
        network.offlineMaxAgeSeconds = *v;
    }
    if (const auto v = reader.integer(scope, "status_max_age_h", false, 1, 168)) {
        network.statusMaxAgeHours = *v;
    }
    if (const auto v = reader.integer(scope, "upload_batch", false, 1, 5000)) {
        network.uploadBatch = *v;
    }
}

}  // namespace vax::config_detail
