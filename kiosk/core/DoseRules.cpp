#include "core/DoseRules.h"

#include <algorithm>

namespace vax {

Result<PackInfo> identifyPack(const ClassifiedPayload& code, const Policy& policy) {
    if (code.kind != PayloadKind::TraceCode) {
        return Error{"not a vaccine pack code"};
    }
    PackInfo pack;
    if (!code.traceCode20.empty()) {
        pack.traceCode = code.traceCode20;
        for (const auto& product : policy.products) {
            const auto& prefixes = product.tracePrefixes;
            if (std::find(prefixes.begin(), prefixes.end(), code.productPrefix) != prefixes.end()) {
                pack.product = &product;
            }
        }
    } else if (code.gs1 && code.gs1->gtin) {
        pack.traceCode = gs1ToHumanReadable(*code.gs1);
        pack.lot = code.gs1->lot.value_or("");
        pack.expiry = code.gs1->expiry;
        for (const auto& product : policy.products) {
            const auto& gtins = product.gtins;
            if (std::find(gtins.begin(), gtins.end(), *code.gs1->gtin) != gtins.end()) {
                pack.product = &product;
            }
        }
    }
    if (!pack.product) {
        return Error{"unknown product: this pack is not in the site's vaccine catalogue"};
    }
    return pack;
}

std::vector<EarlierDose> knownEarlierDoses(const std::vector<EarlierDose>& journaled,
                                           const std::optional<PriorDoses>& prior) {
    if (!prior || std::size_t(prior->dosesReceived) <= journaled.size()) {
        return journaled;
    }
    const CivilDate last = journaled.empty() ? prior->lastDoseDate
                                             : std::max(prior->lastDoseDate, journaled.back().date);
    std::vector<EarlierDose> doses;
    for (int n = 1; n <= prior->dosesReceived; ++n) {
        // Only the last dose's date is known; the earlier ones count, their dates do not.
        doses.push_back({prior->productCode, n, last});
    }
    return doses;
}

Result<int> nextDoseNumber(const PackInfo& pack, const std::vector<EarlierDose>& earlier,
                           CivilDate today, const Policy& policy,
                           const std::vector<ReasonCode>& acceptedAtEntry) {
    if (pack.expiry && *pack.expiry < today) {
        return Error{"expired pack (" + pack.expiry->iso() + "): do not use"};
    }
    // The series is the one the person began; its product decides how many doses it has.
    const Product* series =
        earlier.empty() ? pack.product : policy.findProduct(earlier.front().productCode);
    if (!series) {
        series = pack.product;
    }
    const bool inSeries = earlier.size() < std::size_t(series->seriesDoses);
    if (!earlier.empty() && inSeries && series->code != pack.product->code) {
        return Error{"the series began with " + series->code + "; this pack is " +
                     pack.product->code};
    }
    const int next = int(earlier.size()) + 1;
    const int allowed = series->seriesDoses + (series->boosterMinDays ? 1 : 0);
    if (next > allowed) {
        return Error{"the person already had " + std::to_string(earlier.size()) +
                     " doses: the series is complete"};
    }
    if (!earlier.empty()) {
        CivilDate lastDate = earlier.front().date;
        for (const EarlierDose& dose : earlier) {
            lastDate = std::max(lastDate, dose.date);
        }
        const PriorDoses last{lastDate, series->code, int(earlier.size())};
        for (const Reason& reason : intervalReasons(last, today, policy)) {
            const bool accepted = std::find(acceptedAtEntry.begin(), acceptedAtEntry.end(),
                                            reason.code) != acceptedAtEntry.end();
            if (reason.outcome == Outcome::Defer && !accepted) {
                return Error{reason.en};
            }
        }
    }
    return next;
}

}  // namespace vax
