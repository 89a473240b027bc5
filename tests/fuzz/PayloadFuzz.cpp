// libFuzzer target for payload classification and the GS1 parser: both see raw scanner bytes,
// so neither may crash, hang or break its promises on any input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzRequire.h"
#include "core/CivilDate.h"
#include "core/Gs1.h"
#include "core/Payload.h"

namespace {

using namespace vax;

const PayloadRules& fuzzRules() {
    static const PayloadRules rules = [] {
        PayloadRules r;
        r.healthCodeUrlPrefixes = {"https://hc.example.gov.cn/v/", "HTTPS://Jkm.Example.com"};
        r.healthCodeTokens = {
            {"HC:", 16, 32, TokenPattern::Alphabet::Alnum},
            {"T-", 10, 64, TokenPattern::Alphabet::Base64Url},
            {"", 24, 24, TokenPattern::Alphabet::Digits},
        };
        r.eIdPrefixes = {"EID:"};
        return r;
    }();
    return rules;
}

using fuzz::require;

bool isDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.empty();
}

void checkClassification(std::string_view input, const ClassifiedPayload& result) {
    if (result.kind == PayloadKind::Unknown) {
        require(!result.reason.empty());
        // Nothing of the payload is kept.
        require(result.text.empty() && result.maskedId.empty() && !result.residentId &&
                result.traceCode20.empty() && !result.gs1);
        return;
    }
    require(result.reason.empty());
    require(input.size() <= kMaxPayloadBytes);
    require(!input.empty());
    switch (result.kind) {
        case PayloadKind::ResidentId:
            require(result.residentId.has_value());
            require(result.maskedId.size() == 18);
            require(result.residentId->number().size() == 18);
            require(result.maskedId == result.residentId->masked());
            require(result.text.empty());  // the clear number lives only in residentId
            break;
        case PayloadKind::TraceCode:
            if (result.gs1) {
                require(result.gs1->gtin.has_value() && gs1CheckDigitOk(*result.gs1->gtin));
                require(result.traceCode20.empty());
            } else {
                require(result.traceCode20.size() == 20 && isDigits(result.traceCode20));
                require(result.traceCode20.front() == '8');
                require(result.productPrefix == result.traceCode20.substr(0, 7));
            }
            break;
        case PayloadKind::HealthCode:
        case PayloadKind::Ticket:
            require(!result.text.empty());
            require(result.text.size() <= input.size());
            require(input.find(result.text) != std::string_view::npos);
            break;
        case PayloadKind::Unknown:
            break;
    }
}

void checkGs1(std::string_view input, int referenceYear) {
    const auto parsed = parseGs1(input, referenceYear);
    if (!parsed) {
        require(!parsed.error().message.empty());
        return;
    }
    const Gs1Element& element = *parsed;
    if (element.gtin) {
        require(element.gtin->size() == 14 && gs1CheckDigitOk(*element.gtin));
    }
    for (const auto* field : {&element.lot, &element.serial}) {
        if (*field) {
            require(!(*field)->empty() && (*field)->size() <= 20);
        }
    }
    // What the parser accepted it writes back in a form it reads to the same element. Values
    // with a '(' are skipped: the human-readable form has no escape for a "(NN)" inside one.
    const std::string human = gs1ToHumanReadable(element);
    require(!human.empty());
    bool hasParenthesis = false;
    for (const auto* field : {&element.lot, &element.serial}) {
        hasParenthesis = hasParenthesis || (*field && (*field)->find('(') != std::string::npos);
    }
    for (const Gs1Field& field : element.others) {
        hasParenthesis = hasParenthesis || field.value.find('(') != std::string::npos;
    }
    if (!hasParenthesis) {
        const auto again = parseGs1(human, referenceYear);
        require(again.ok() && *again == element);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const CivilDate today =
        CivilDate::fromYmd(2026, 11, 25).value_or(CivilDate::fromDaysSinceEpoch(0));

    checkClassification(input, classifyPayload(input, fuzzRules(), today));
    checkGs1(input, today.year());
    // The century rule must hold at the edges of the year range too.
    checkGs1(input.substr(0, 64), 1);
    checkGs1(input.substr(0, 64), 9999);
    return 0;
}
