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

// FHIR's reaction is a reference to an Observation; inline, the category and time say enough
// for the registry, with the full record in the reaction event.
json reactions(const json& facts) {
    json out = json::array();
    for (const json& r : facts.value("reactions", json::array())) {
        out.push_back({{"date", rfc3339Utc(r.value("onset_at_ms", std::int64_t{0}))},
                       {"detail", {{"display", r.value("category", std::string())}}},
                       {"reported", false}});
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
    json coding{{"system", "urn:vaxkiosk:product"}, {"code", productCode}};
    if (const Product* product = findProduct(context, productCode)) {
        coding["display"] = product->name;
    }
    json resource{
        {"resourceType", "Immunization"},
        {"identifier", json::array({{{"system", kRecordSystem}, {"value", record.key}}})},
        {"extension", json::array({{{"url", "urn:vaxkiosk:visit-seq"},
                                    {"valueString", visitReference(context, record.visitId) + ":" +
                                                        std::to_string(record.outboxId)}}})},
        {"status", "completed"},
        {"vaccineCode", {{"coding", json::array({coding})}}},
        {"patient",
         {{"identifier",
           {{"system", "urn:vaxkiosk:person:" + context.siteId},
            {"value", f.value("person_ref", std::string())}}},
          {"display", f.value("masked_id", std::string())}}},
        {"occurrenceDateTime", rfc3339Utc(f.value("vaccinated_at_ms", std::int64_t{0}))},
        {"recorded", rfc3339Utc(f.value("vaccinated_at_ms", std::int64_t{0}))},
        {"primarySource", true},
        {"lotNumber", f.value("lot", std::string())},
        {"location",
         {{"identifier", {{"system", "urn:vaxkiosk:site"}, {"value", context.siteId}}},
          {"display", context.siteName}}},
        {"performer", json::array({{{"actor",
                                     {{"identifier",
                                       {{"system", "urn:vaxkiosk:station:" + context.siteId},
                                        {"value", f.value("station", std::string())}}}}}}})},
        {"protocolApplied", json::array({{{"doseNumberPositiveInt", f.value("dose_number", 1)}}})},
        {"note", json::array({{{"text", "trace code " + f.value("trace_code", std::string())}}})},
    };
    if (f.contains("expiry") && f["expiry"].is_string()) {
        resource["expirationDate"] = f["expiry"];
    }
    if (const json r = reactions(f); !r.empty()) {
        resource["reaction"] = r;
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
