#include "net/UploadRecord.h"

#include <openssl/evp.h>

#include <array>
#include <ctime>

namespace vax {

namespace {

using nlohmann::json;

constexpr const char* kRecordSystem = "urn:vaxkiosk:record";

const Product* findProduct(const UploadContext& context, const std::string& code) {
    if (context.products == nullptr) {
        return nullptr;
    }
    for (const Product& p : *context.products) {
        if (p.code == code) {
            return &p;
        }
    }
    return nullptr;
}

// FHIR forbids empty strings, arrays and objects: a member that would be empty is left out.
void putText(json& object, const char* name, const std::string& text) {
    if (!text.empty()) {
        object[name] = text;
    }
}

// FHIR's reaction is a reference to an Observation; inline, the category and time say enough
// for the registry, with the full record in the reaction event.
json reactions(const json& facts) {
    json out = json::array();
    for (const json& r : facts.value("reactions", json::array())) {
        json reaction{{"reported", false}};
        if (r.contains("onset_at_ms") && r["onset_at_ms"].is_number_integer()) {
            reaction["date"] = rfc3339Utc(r["onset_at_ms"].get<std::int64_t>());
        }
        if (const std::string category = r.value("category", std::string()); !category.empty()) {
            reaction["detail"] = {{"display", category}};
        }
        out.push_back(std::move(reaction));
    }
    return out;
}

// A name-based UUID (RFC 4122 version 5, SHA-1) of the record key: the same record always
// gets the same fullUrl, so a resent bundle is byte for byte the first one.
std::string uuidFor(const std::string& key) {
    // The URL namespace of RFC 4122 appendix C.
    static constexpr std::array<unsigned char, 16> kNamespace{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                              0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                              0x4f, 0xd4, 0x30, 0xc8};
    std::string input(kNamespace.begin(), kNamespace.end());
    input += "urn:vaxkiosk:record:" + key;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha1(), nullptr);
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += kHex[digest[std::size_t(i)] >> 4];
        out += kHex[digest[std::size_t(i)] & 15];
    }
    return out;
}

}  // namespace

std::string rfc3339Utc(std::int64_t unixMs) {
    const std::time_t t = static_cast<std::time_t>(unixMs / 1000);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string visitReference(const UploadContext& context, std::int64_t visitId) {
    return context.siteId + "/" + std::to_string(visitId);
}

json fhirImmunization(const UploadRecord& record, const UploadContext& context) {
    const json& f = record.facts;
    const std::string productCode = f.value("product", std::string());
    json coding{{"system", "urn:vaxkiosk:product"}};
    putText(coding, "code", productCode);
    if (const Product* product = findProduct(context, productCode)) {
        putText(coding, "display", product->name);
    }
    json patientId{{"system", "urn:vaxkiosk:person:" + context.siteId}};
    putText(patientId, "value", f.value("person_ref", std::string()));
    json patient{{"identifier", patientId}};
    putText(patient, "display", f.value("masked_id", std::string()));
    json siteId{{"system", "urn:vaxkiosk:site"}};
    putText(siteId, "value", context.siteId);
    json location{{"identifier", siteId}};
    putText(location, "display", context.siteName);
    const std::string at = rfc3339Utc(f.value("vaccinated_at_ms", std::int64_t{0}));

    json resource{
        {"resourceType", "Immunization"},
        {"identifier", json::array({{{"system", kRecordSystem}, {"value", record.key}}})},
        {"extension", json::array({{{"url", "urn:vaxkiosk:visit-seq"},
                                    {"valueString", visitReference(context, record.visitId) + ":" +
                                                        std::to_string(record.outboxId)}}})},
        {"status", "completed"},
        {"vaccineCode", {{"coding", json::array({coding})}}},
        {"patient", patient},
        {"occurrenceDateTime", at},
        {"recorded", at},
        {"primarySource", true},
        {"location", location},
    };
    // A 20-digit trace code names no lot, and not every pack prints its expiry.
    putText(resource, "lotNumber", f.value("lot", std::string()));
    if (f.contains("expiry") && f["expiry"].is_string()) {
        putText(resource, "expirationDate", f["expiry"].get<std::string>());
    }
    if (const std::string station = f.value("station", std::string()); !station.empty()) {
        resource["performer"] = json::array(
            {{{"actor",
               {{"identifier",
                 {{"system", "urn:vaxkiosk:station:" + context.siteId}, {"value", station}}}}}}});
    }
    // positiveInt: a dose number below 1 is no dose number at all.
    if (const int dose = f.value("dose_number", 1); dose >= 1) {
        resource["protocolApplied"] = json::array({{{"doseNumberPositiveInt", dose}}});
    }
    if (const std::string trace = f.value("trace_code", std::string()); !trace.empty()) {
        resource["note"] = json::array({{{"text", "trace code " + trace}}});
    }
    if (json r = reactions(f); !r.empty()) {
        resource["reaction"] = std::move(r);
    }
    return resource;
}

json fhirTransaction(const std::vector<UploadRecord>& immunizations, const UploadContext& context) {
    json entries = json::array();
    for (const UploadRecord& record : immunizations) {
        entries.push_back(
            {{"fullUrl", "urn:uuid:" + uuidFor(record.key)},
             {"resource", fhirImmunization(record, context)},
             {"request",
              {{"method", "POST"},
               {"url", "Immunization"},
               {"ifNoneExist", std::string("identifier=") + kRecordSystem + "|" + record.key}}}});
    }
    return json{{"resourceType", "Bundle"}, {"type", "transaction"}, {"entry", entries}};
}

json eventBatch(const std::vector<UploadRecord>& events, const UploadContext& context) {
    json list = json::array();
    for (const UploadRecord& record : events) {
        const json& f = record.facts;
        list.push_back(
            {{"key", record.key},
             {"visit", visitReference(context, record.visitId)},
             {"seq", record.outboxId},
             {"type", f.value("kind", std::string("event"))},
             {"at", rfc3339Utc(f.value("at_ms", std::int64_t{0}))},
             {"data", f.contains("data") && f["data"].is_object() ? f["data"] : json::object()}});
    }
    return json{{"events", list}};
}

}  // namespace vax
