#pragma once

#include <memory>
#include <nlohmann/json.hpp>

#include "config/KioskConfig.h"
#include "net/HealthCodeChecker.h"
#include "net/RecordUploader.h"
#include "store/Journal.h"

namespace vax {

/// TLS material of [network].
TlsOptions tlsOptions(const NetworkConfig& network);

/// The health-code checker of this device ([network], [scanning]), as vaxctl and the app use
/// it; `replay` must outlive it.
/// An error when the JWKS file is configured but unreadable.
Result<std::unique_ptr<HealthCodeChecker>> makeHealthCodeChecker(const KioskConfig& config,
                                                                 ReplayCache& replay);

/// A check as JSON: status, where the answer came from, and what the service or the code said
/// (masked as the service gave it).
nlohmann::json healthCodeCheckJson(const HealthCodeCheck& check);

/// The uploader to [network] records_service, or an error when none is configured.
Result<std::unique_ptr<RecordUploader>> makeUploader(const KioskConfig& config);

}  // namespace vax
