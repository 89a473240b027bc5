#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/Policy.h"

namespace vax {

/// One journal record to deliver upstream, as the outbox hands it over.
struct UploadRecord {
    enum class Kind { Event, Immunization };
    std::int64_t outboxId = 0;  ///< upload order; the record's sequence within its visit
    Kind kind = Kind::Event;
    std::string key;  ///< idempotency key, unique across sites: "<site>/<device>/<local key>"
    std::int64_t visitId = 0;
    nlohmann::json facts;  ///< see OutboxItem::facts
    /// Why the outbox could not make this row into a record (the drain sets it aside as
    /// refused with this reason, never sends it); empty for a record to send.
    std::string unusable;
};

/// Who sends: names the location and performer in FHIR, and the products' names.
struct UploadContext {
    std::string siteId;
    std::string siteName;
    std::string deviceId;
    const std::vector<Product>* products = nullptr;  ///< for vaccineCode display; may be null
};

/// The visit reference shared by events and immunizations: "<site>/<visit id>".
std::string visitReference(const UploadContext& context, std::int64_t visitId);

/// A dose record as a FHIR R4 Immunization: identifier (the idempotency key), patient by
/// pseudonymous person reference (never the ID number), vaccineCode, lotNumber,
/// expirationDate, occurrenceDateTime, performer (the station), location (the site),
/// protocolApplied.doseNumberPositiveInt, reactions known so far, and the visit-seq extension
/// the upstream uses to check per-visit order. As FHIR requires, no element is an empty
/// string, array or object: what the facts lack (a lot, an expiry, reactions, a name) is left
/// out. Valid against the R4 schema's Immunization (tests/net/FhirSchemaTest.cpp).
nlohmann::json fhirImmunization(const UploadRecord& record, const UploadContext& context);

/// A FHIR transaction Bundle creating each immunization once (ifNoneExist on its key).
nlohmann::json fhirTransaction(const std::vector<UploadRecord>& immunizations,
                               const UploadContext& context);

/// The events API body: {"events": [{key, visit, seq, type, at, data}]}.
nlohmann::json eventBatch(const std::vector<UploadRecord>& events, const UploadContext& context);

/// Unix ms as RFC 3339 UTC with seconds, e.g. "2026-11-25T08:05:00Z".
std::string rfc3339Utc(std::int64_t unixMs);

}  // namespace vax
