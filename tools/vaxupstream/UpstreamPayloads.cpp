#include "tools/vaxupstream/UpstreamPayloads.h"

#include <charconv>
#include <chrono>
#include <ctime>
#include <limits>

namespace vax::upstream {

using nlohmann::json;

namespace {

std::optional<json> parseJson(std::string_view body) {
    // allow_exceptions=false: a malformed body is the client's mistake, answered with 400.
    json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (value.is_discarded()) {
        return std::nullopt;
    }
    return value;
}

bool isNonEmptyString(const json& object, const char* field) {
    const auto it = object.find(field);
    return it != object.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

PayloadError entryError(std::size_t index, std::string_view path, std::string problem,
                        std::string issueCode = "invalid") {
    PayloadError error;
    error.index = index;
    error.message = "entry[" + std::to_string(index) + "]: " + std::string(path) + " " + problem;
    error.expression = "Bundle.entry[" + std::to_string(index) + "]";
    if (!path.empty()) {
        error.expression += "." + std::string(path);
    }
    error.issueCode = std::move(issueCode);
    return error;
}

PayloadError bodyError(std::string message, std::string issueCode = "structure") {
    PayloadError error;
    error.message = std::move(message);
    error.expression = "Bundle";
    error.issueCode = std::move(issueCode);
    return error;
}

/// "<visit id>:<seq>" split at the last colon (a visit id may contain colons); seq >= 0.
bool splitVisitSeq(const std::string& text, std::string& visit, std::int64_t& seq) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return false;
    }
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, seq);
    if (ec != std::errc() || end != last || seq < 0) {
        return false;
    }
    visit = text.substr(0, colon);
    return true;
}

/// Checks one transaction entry; on success fills `record`.
std::optional<PayloadError> checkEntry(const json& entry, std::size_t i, NewRecord& record) {
    if (!entry.is_object()) {
        return entryError(i, "", "is not an object", "structure");
    }
    const auto request = entry.find("request");
    if (request == entry.end() || !request->is_object()) {
        return entryError(i, "request", "is missing", "required");
    }
    if (request->value("method", "") != "POST") {
        return entryError(i, "request.method", "must be POST (only creates are supported)",
                          "not-supported");
    }
    if (request->value("url", "") != "Immunization") {
        return entryError(i, "request.url", "must be Immunization", "not-supported");
    }
    const auto resource = entry.find("resource");
    if (resource == entry.end() || !resource->is_object()) {
        return entryError(i, "resource", "is missing", "required");
    }
    if (resource->value("resourceType", "") != "Immunization") {
        return entryError(i, "resource.resourceType", "must be Immunization");
    }

    std::string key;
    if (const auto ids = resource->find("identifier"); ids != resource->end() && ids->is_array()) {
        for (const json& id : *ids) {
            if (id.is_object() && id.value("system", "") == kRecordSystem &&
                isNonEmptyString(id, "value")) {
                key = id["value"].get<std::string>();
                break;
            }
        }
    }
    if (key.empty()) {
        return entryError(i, "resource.identifier",
                          "has no identifier with system " + std::string(kRecordSystem) +
                              " and a non-empty value",
                          "required");
    }
    if (const auto ifNoneExist = request->find("ifNoneExist"); ifNoneExist != request->end()) {
        const std::string expected = "identifier=" + std::string(kRecordSystem) + "|" + key;
        if (!ifNoneExist->is_string() || *ifNoneExist != expected) {
            return entryError(i, "request.ifNoneExist", "must be \"" + expected + "\"");
        }
    }

    const auto status = resource->find("status");
    if (status == resource->end()) {
        return entryError(i, "resource.status", "is missing", "required");
    }
    // The FHIR R4 value set: a real server refuses anything else, so do we.
    if (!status->is_string() ||
        (*status != "completed" && *status != "entered-in-error" && *status != "not-done")) {
        return entryError(i, "resource.status",
                          "must be one of completed, entered-in-error, not-done", "code-invalid");
    }
    const auto vaccineCode = resource->find("vaccineCode");
    if (vaccineCode == resource->end() || !vaccineCode->is_object() || vaccineCode->empty()) {
        return entryError(i, "resource.vaccineCode", "is missing (a CodeableConcept)", "required");
    }
    const auto patient = resource->find("patient");
    if (patient == resource->end() || !patient->is_object() || patient->empty()) {
        return entryError(i, "resource.patient", "is missing (a Reference)", "required");
    }
    if (!isNonEmptyString(*resource, "occurrenceDateTime")) {
        return entryError(i, "resource.occurrenceDateTime", "is missing", "required");
    }

    record = NewRecord{key, "immunization", std::nullopt, std::nullopt, dumpJson(*resource)};
    if (const auto extensions = resource->find("extension");
        extensions != resource->end() && extensions->is_array()) {
        for (const json& extension : *extensions) {
            if (!extension.is_object() || extension.value("url", "") != kVisitSeqExtension) {
                continue;
            }
            std::string visit;
            std::int64_t seq = 0;
            const auto value = extension.find("valueString");
            if (value == extension.end() || !value->is_string() ||
                !splitVisitSeq(value->get<std::string>(), visit, seq)) {
                return entryError(i, "resource.extension",
                                  "(" + std::string(kVisitSeqExtension) +
                                      ") needs valueString \"<visit id>:<seq>\"");
            }
            record.visit = std::move(visit);
            record.seq = seq;
        }
    }
    return std::nullopt;
}

bool checkCount(const json& object, const char* field, int max, int& target, std::string& error) {
    const auto it = object.find(field);
    if (it == object.end()) {
        return true;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > max) {
        error = std::string(field) + " must be an integer from 0 to " + std::to_string(max);
        return false;
    }
    target = it->get<int>();
    return true;
}

}  // namespace

std::optional<VerifyRequest> parseVerifyRequest(std::string_view body, PayloadError& error) {
    const auto value = parseJson(body);
    if (!value || !value->is_object()) {
        error.message = "body must be a JSON object {\"code\", \"site\", \"device\"}";
        return std::nullopt;
    }
    for (const char* field : {"code", "site", "device"}) {
        if (!isNonEmptyString(*value, field)) {
            error.message = std::string(field) + " must be a non-empty string";
            return std::nullopt;
        }
    }
    return VerifyRequest{(*value)["code"].get<std::string>(), (*value)["site"].get<std::string>(),
                         (*value)["device"].get<std::string>()};
}

bool checkHealthCode(const HealthCode& code, std::string& error) {
    if (code.code.empty()) {
        error = "code must be a non-empty string";
    } else if (code.status != "green" && code.status != "yellow" && code.status != "red") {
        error = "status must be green, yellow or red";
    } else if (code.name.empty()) {
        error = "name must be a non-empty string";
    } else if (code.maskedId.empty()) {
        error = "masked_id must be a non-empty string";
    } else if (!isRfc3339Utc(code.updatedAt)) {
        error = "updated_at must be RFC 3339 UTC, e.g. 2026-11-25T07:59:00Z";
    } else {
        return true;
    }
    return false;
}

std::optional<HealthCode> parseHealthCode(const json& entry, std::string& error) {
    if (!entry.is_object()) {
        error = "a health code must be a JSON object";
        return std::nullopt;
    }
    for (const char* field : {"code", "status", "name", "masked_id", "updated_at"}) {
        if (!isNonEmptyString(entry, field)) {
            error = std::string(field) + " must be a non-empty string";
            return std::nullopt;
        }
    }
    HealthCode code{entry["code"].get<std::string>(), entry["status"].get<std::string>(),
                    entry["name"].get<std::string>(), entry["masked_id"].get<std::string>(),
                    entry["updated_at"].get<std::string>()};
    if (!checkHealthCode(code, error)) {
        return std::nullopt;
    }
    return code;
}

std::optional<std::vector<HealthCode>> parseSeed(std::string_view text, std::string& error) {
    const auto value = parseJson(text);
    if (!value || !value->is_object() || !value->contains("codes") ||
        !(*value)["codes"].is_array()) {
        error = "expected a JSON object {\"codes\": [...]}";
        return std::nullopt;
    }
    std::vector<HealthCode> codes;
    const json& entries = (*value)["codes"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto code = parseHealthCode(entries[i], error);
        if (!code) {
            error = "codes[" + std::to_string(i) + "]: " + error;
            return std::nullopt;
        }
        codes.push_back(std::move(*code));
    }
    return codes;
}

json healthCodeJson(const HealthCode& code, const std::string& checkedAt) {
    return json{{"status", code.status},
                {"name", code.name},
                {"masked_id", code.maskedId},
                {"updated_at", code.updatedAt},
                {"checked_at", checkedAt}};
}

std::optional<std::vector<NewRecord>> parseTransaction(std::string_view body, PayloadError& error) {
    const auto value = parseJson(body);
    if (!value || !value->is_object()) {
        error = bodyError("body is not a JSON object");
        return std::nullopt;
    }
    if (value->value("resourceType", "") != "Bundle") {
        error = bodyError("resourceType must be Bundle");
        return std::nullopt;
    }
    if (value->value("type", "") != "transaction") {
        error = bodyError("Bundle.type must be transaction", "not-supported");
        return std::nullopt;
    }
    std::vector<NewRecord> records;
    const auto entries = value->find("entry");
    if (entries == value->end()) {
        return records;  // an empty transaction is valid FHIR and changes nothing
    }
    if (!entries->is_array()) {
        error = bodyError("Bundle.entry must be an array");
        return std::nullopt;
    }
    records.reserve(entries->size());
    for (std::size_t i = 0; i < entries->size(); ++i) {
        NewRecord record;
        if (auto problem = checkEntry((*entries)[i], i, record)) {
            error = std::move(*problem);
            return std::nullopt;
        }
        records.push_back(std::move(record));
    }
    return records;
}

json transactionResponse(const std::vector<PutOutcome>& outcomes) {
    json entries = json::array();
    for (const PutOutcome& outcome : outcomes) {
        entries.push_back({{"response",
                            {{"status", outcome.created ? "201 Created" : "200 OK"},
                             {"location", "Immunization/" + std::to_string(outcome.serverId)},
                             {"etag", "W/\"1\""},
                             {"lastModified", outcome.firstSeen}}}});
    }
    return json{{"resourceType", "Bundle"}, {"type", "transaction-response"}, {"entry", entries}};
}

json operationOutcome(const PayloadError& error) {
    json issue{{"severity", "error"}, {"code", error.issueCode}, {"diagnostics", error.message}};
    if (!error.expression.empty()) {
        issue["expression"] = json::array({error.expression});
    }
    return json{{"resourceType", "OperationOutcome"}, {"issue", json::array({issue})}};
}

std::optional<std::vector<NewRecord>> parseEvents(std::string_view body, PayloadError& error) {
    const auto value = parseJson(body);
    if (!value || !value->is_object() || !value->contains("events") ||
        !(*value)["events"].is_array()) {
        error.message = "body must be a JSON object {\"events\": [...]}";
        return std::nullopt;
    }
    const json& events = (*value)["events"];
    std::vector<NewRecord> records;
    records.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const json& event = events[i];
        error.index = i;
        if (!event.is_object()) {
            error.message = "events[" + std::to_string(i) + "] is not an object";
            return std::nullopt;
        }
        for (const char* field : {"key", "visit", "type"}) {
            if (!isNonEmptyString(event, field)) {
                error.message =
                    "events[" + std::to_string(i) + "]: " + field + " must be a non-empty string";
                return std::nullopt;
            }
        }
        const auto seq = event.find("seq");
        // Unsigned values above INT64_MAX would wrap; the kiosk counts from 0 or 1 anyway.
        if (seq == event.end() || !seq->is_number_integer() ||
            (seq->is_number_unsigned() &&
             seq->get<std::uint64_t>() >
                 static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) ||
            seq->get<std::int64_t>() < 0) {
            error.message = "events[" + std::to_string(i) + "]: seq must be an integer >= 0";
            return std::nullopt;
        }
        if (event.contains("at") && !event["at"].is_string()) {
            error.message = "events[" + std::to_string(i) + "]: at must be an RFC 3339 string";
            return std::nullopt;
        }
        if (event.contains("data") && !event["data"].is_object()) {
            error.message = "events[" + std::to_string(i) + "]: data must be an object";
            return std::nullopt;
        }
        records.push_back(NewRecord{event["key"].get<std::string>(), "event",
                                    event["visit"].get<std::string>(),
                                    event["seq"].get<std::int64_t>(), dumpJson(event)});
    }
    error.index.reset();
    return records;
}

json eventsResponse(const std::vector<NewRecord>& events, const std::vector<PutOutcome>& outcomes) {
    json results = json::array();
    for (std::size_t i = 0; i < events.size() && i < outcomes.size(); ++i) {
        results.push_back(
            {{"key", events[i].key}, {"status", outcomes[i].created ? "created" : "duplicate"}});
    }
    return json{{"results", results}};
}

bool parseFaults(std::string_view body, Faults& faults, std::string& error) {
    const auto value = parseJson(body);
    if (!value || !value->is_object()) {
        error = "body must be a JSON object";
        return false;
    }
    static const char* const kFields[] = {"latency_ms", "status500", "drop", "drop_after",
                                          "garbage"};
    for (const auto& item : value->items()) {
        bool known = false;
        for (const char* field : kFields) {
            known = known || item.key() == field;
        }
        if (!known) {
            // A typo ("status_500") would otherwise look like a fault that never fires.
            error = "unknown field " + item.key();
            return false;
        }
    }
    Faults next = faults;
    // Latency is capped at 10 minutes: stop() waits for sleeping handlers.
    constexpr int kMaxCount = std::numeric_limits<int>::max();
    if (!checkCount(*value, "latency_ms", kMaxLatencyMs, next.latencyMs, error) ||
        !checkCount(*value, "status500", kMaxCount, next.status500, error) ||
        !checkCount(*value, "drop", kMaxCount, next.drop, error) ||
        !checkCount(*value, "drop_after", kMaxCount, next.dropAfter, error) ||
        !checkCount(*value, "garbage", kMaxCount, next.garbage, error)) {
        return false;
    }
    faults = next;
    return true;
}

json faultsJson(const Faults& faults) {
    return json{{"latency_ms", faults.latencyMs},
                {"status500", faults.status500},
                {"drop", faults.drop},
                {"drop_after", faults.dropAfter},
                {"garbage", faults.garbage}};
}

json statsJson(const UpstreamStats& stats) {
    return json{{"records", stats.records},       {"deliveries", stats.deliveries},
                {"duplicates", stats.duplicates}, {"order_violations", stats.orderViolations},
                {"requests", stats.requests},     {"faults_injected", stats.faultsInjected}};
}

json recordJson(const StoredRecord& record) {
    json body = json::parse(record.body, nullptr, false);
    return json{{"key", record.key},
                {"kind", record.kind},
                {"visit", record.visit ? json(*record.visit) : json(nullptr)},
                {"seq", record.seq ? json(*record.seq) : json(nullptr)},
                {"received_order", record.receivedOrder},
                {"deliveries", record.deliveries},
                {"first_seen", record.firstSeen},
                {"order_violation", record.orderViolation},
                {"body", body.is_discarded() ? json(record.body) : body}};
}

std::string nowRfc3339() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    const std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text, size);
}

bool isRfc3339Utc(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS, then an optional fraction, then Z.
    if (text.size() < 20 || text.back() != 'Z') {
        return false;
    }
    const auto digits = [&](std::size_t at, std::size_t count, int low, int high) {
        int value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value >= low && value <= high;
    };
    if (!digits(0, 4, 0, 9999) || text[4] != '-' || !digits(5, 2, 1, 12) || text[7] != '-' ||
        !digits(8, 2, 1, 31) || (text[10] != 'T' && text[10] != 't') || !digits(11, 2, 0, 23) ||
        text[13] != ':' || !digits(14, 2, 0, 59) || text[16] != ':' || !digits(17, 2, 0, 60)) {
        return false;
    }
    const std::string_view rest = text.substr(19, text.size() - 20);
    if (rest.empty()) {
        return true;
    }
    if (rest.size() < 2 || rest[0] != '.') {
        return false;
    }
    for (std::size_t i = 1; i < rest.size(); ++i) {
        if (rest[i] < '0' || rest[i] > '9') {
            return false;
        }
    }
    return true;
}

std::string dumpJson(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vax::upstream
