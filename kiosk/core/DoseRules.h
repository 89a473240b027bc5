#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/CivilDate.h"
#include "core/Decision.h"
#include "core/Payload.h"
#include "core/Policy.h"
#include "core/Result.h"

namespace vax {

/// A dose the person already had at this site (from the journal).
struct EarlierDose {
    std::string productCode;
    int doseNumber = 1;
    CivilDate date;
};

/// What a scanned vaccine pack is, from the catalogue.
struct PackInfo {
    const Product* product = nullptr;
    std::string traceCode;  ///< as scanned: 20 digits, or the GS1 string in parentheses
    std::string lot;        ///< from GS1 AI 10; empty for 20-digit codes
    std::optional<CivilDate> expiry;
};

/// The pack behind a classified trace code: the catalogue entry by trace prefix or GTIN,
/// lot and expiry. An error when the code is not a trace code or names no known product.
Result<PackInfo> identifyPack(const ClassifiedPayload& code, const Policy& policy);

/// The person's doses before this one, oldest first: the ones this journal recorded, or, when
/// they tell of more (doses given elsewhere), the prior doses the check-in was decided on,
/// dated by the later of the two last doses.
std::vector<EarlierDose> knownEarlierDoses(const std::vector<EarlierDose>& journaled,
                                           const std::optional<PriorDoses>& prior);

/// The dose number this person gets now, or why not: expired pack, a product other than
/// the series began with (`policy` knows that product's series), the series (and booster)
/// already complete, or an interval since the last dose that defers (too short, booster too
/// early). An interval reason the entry decision already carried in `acceptedAtEntry` was
/// seen there and decided by staff (an override), so it does not refuse again here.
Result<int> nextDoseNumber(const PackInfo& pack, const std::vector<EarlierDose>& earlier,
                           CivilDate today, const Policy& policy,
                           const std::vector<ReasonCode>& acceptedAtEntry = {});

}  // namespace vax
