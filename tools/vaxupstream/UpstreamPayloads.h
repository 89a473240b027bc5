#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/vaxupstream/UpstreamServer.h"
#include "tools/vaxupstream/UpstreamStore.h"

// Parsing and checking of the request bodies, and the JSON the server answers with. Pure
// functions: no I/O, no state.
namespace vax::upstream {

/// Why a request body was refused.
struct PayloadError {
    std::optional<std::size_t> index;   ///< the bundle entry or event at fault, if one is
    std::string message;                ///< for people: "entry[2]: status is missing"
    std::string expression;             ///< FHIRPath of the culprit, for OperationOutcome
    std::string issueCode = "invalid";  ///< FHIR issue type: invalid, required, structure...
};

/// The identifier system that carries the kiosk's idempotency key.
inline constexpr std::string_view kRecordSystem = "urn:vaxkiosk:record";
/// The extension that carries "<visit id>:<seq>".
inline constexpr std::string_view kVisitSeqExtension = "urn:vaxkiosk:visit-seq";

/// A health-code check as the kiosk sends it.
struct VerifyRequest {
    std::string code;
    std::string site;
    std::string device;
};

/// Checks a health-code verify body.
std::optional<VerifyRequest> parseVerifyRequest(std::string_view body, PayloadError& error);

/// Checks one seed entry / admin body ({"code", "status", "name", "masked_id", "updated_at"}).
std::optional<HealthCode> parseHealthCode(const nlohmann::json& entry, std::string& error);
/// Checks a seed file's text: {"codes": [entry, ...]}.
std::optional<std::vector<HealthCode>> parseSeed(std::string_view text, std::string& error);
/// Checks the fields of a health code given through the C++ API.
bool checkHealthCode(const HealthCode& code, std::string& error);
/// The verify answer for a code, checked at `checkedAt`.
nlohmann::json healthCodeJson(const HealthCode& code, const std::string& checkedAt);

/// Checks a whole FHIR transaction Bundle of Immunization creates; every entry is checked
/// before any is accepted, so one bad entry refuses the bundle.
std::optional<std::vector<NewRecord>> parseTransaction(std::string_view body, PayloadError& error);
/// The transaction-response Bundle: one entry per request, in order.
nlohmann::json transactionResponse(const std::vector<PutOutcome>& outcomes);
/// An OperationOutcome with one error issue.
nlohmann::json operationOutcome(const PayloadError& error);

/// Checks an events body ({"events": [...]}).
std::optional<std::vector<NewRecord>> parseEvents(std::string_view body, PayloadError& error);
/// {"results": [{"key", "status": "created"|"duplicate"}]}
nlohmann::json eventsResponse(const std::vector<NewRecord>& events,
                              const std::vector<PutOutcome>& outcomes);

/// The longest latency a fault may add, in ms (10 minutes).
inline constexpr int kMaxLatencyMs = 600000;

/// Parses a fault settings body; absent fields keep their value in `faults`.
bool parseFaults(std::string_view body, Faults& faults, std::string& error);
nlohmann::json faultsJson(const Faults& faults);
nlohmann::json statsJson(const UpstreamStats& stats);
nlohmann::json recordJson(const StoredRecord& record);

/// Now as RFC 3339 UTC with whole seconds: "2026-11-25T07:59:00Z".
std::string nowRfc3339();
/// True for "YYYY-MM-DDTHH:MM:SS[.fraction]Z" with plausible field ranges.
bool isRfc3339Utc(std::string_view text);

/// JSON text that is always valid UTF-8 (bad bytes replaced), for answers.
std::string dumpJson(const nlohmann::json& value);

}  // namespace vax::upstream
