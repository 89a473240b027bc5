#include "sync/NetworkSetup.h"

#include "net/Jwks.h"

namespace vax {

TlsOptions tlsOptions(const NetworkConfig& network) {
    return TlsOptions{network.caFile.string(), network.clientCert.string(),
                      network.clientKey.string()};
}

Result<std::unique_ptr<HealthCodeChecker>> makeHealthCodeChecker(const KioskConfig& config,
                                                                 ReplayCache& replay) {
    const NetworkConfig& n = config.network;
    std::optional<HealthCodeService> service;
    if (!n.healthCodeService.empty()) {
        HealthCodeServiceOptions options;
        options.baseUrl = n.healthCodeService;
        options.site = config.site.id;
        options.device = n.deviceId;
        options.tls = tlsOptions(n);
        options.maxStatusAge = std::chrono::hours{n.statusMaxAgeHours};
        service.emplace(options);
    }
    std::optional<JwksTrust> trust;
    if (!n.jwksFile.empty()) {
        auto loaded = JwksTrust::fromFile(n.jwksFile);
        if (!loaded) {
            return Error{"network.jwks_file: " + loaded.error().message};
        }
        trust = std::move(loaded).value();
    }
    OfflineCodeRules rules;
    rules.maxAgeSeconds = n.offlineMaxAgeSeconds;
    return std::make_unique<HealthCodeChecker>(config.scanning.rules, std::move(service),
                                               std::move(trust), &replay, rules);
}

nlohmann::json healthCodeCheckJson(const HealthCodeCheck& check) {
    nlohmann::json out{{"status", toString(check.status)},
                       {"source", check.source},
                       {"form", check.form},
                       {"detail", check.detail}};
    if (check.online) {
        out["service"] = {{"name", check.online->name},
                          {"masked_id", check.online->maskedId},
                          {"updated_at", check.online->updatedAt},
                          {"elapsed_ms", check.online->elapsed.count()}};
    }
    if (check.offline) {
        out["signature"] = {{"issuer", check.offline->issuer},
                            {"kid", check.offline->kid},
                            {"alg", check.offline->alg},
                            {"issued_at", check.offline->iat},
                            {"expires_at", check.offline->exp}};
    }
    return out;
}

Result<std::unique_ptr<RecordUploader>> makeUploader(const KioskConfig& config) {
    const NetworkConfig& n = config.network;
    if (n.recordsService.empty()) {
        return Error{"no records service is configured ([network] records_service)"};
    }
    UploaderOptions options;
    options.baseUrl = n.recordsService;
    options.tls = tlsOptions(n);
    UploadContext context{config.site.id, config.site.name, n.deviceId, &config.policy.products};
    return std::make_unique<RecordUploader>(options, context);
}

}  // namespace vax
