#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CivilDate.h"
#include "core/Result.h"

namespace vax {

/// One element string whose AI the parser knows but does not map to a named field.
struct Gs1Field {
    std::string ai;     ///< application identifier, e.g. "240" or "3103"
    std::string value;  ///< the data after the AI, as encoded

    friend bool operator==(const Gs1Field&, const Gs1Field&) = default;
};

/// The parts of a GS1 element string that matter on a vaccine pack, plus the rest.
struct Gs1Element {
    std::optional<std::string> gtin;          ///< AI 01: 14 digits, check digit verified
    std::optional<CivilDate> expiry;          ///< AI 17; day "00" becomes the month's last day
    std::optional<std::string> lot;           ///< AI 10
    std::optional<std::string> serial;        ///< AI 21
    std::optional<CivilDate> productionDate;  ///< AI 11; same date rule as AI 17
    std::vector<Gs1Field> others;             ///< every other known AI, in input order

    friend bool operator==(const Gs1Element&, const Gs1Element&) = default;
};

/// The GS1 mod-10 check digit for `body` (the digits before it, 1..17); '?' when `body` is
/// not that.
char gs1CheckDigit(std::string_view body);

/// True when `digits` is 8 to 18 decimal digits whose last one is the GS1 mod-10 check digit
/// (GTIN-8/12/13/14, GLN, SSCC, GSIN).
bool gs1CheckDigitOk(std::string_view digits);

/// Parses a GS1 element string as a scanner delivers it (FNC1 as ASCII GS '\x1d' after
/// variable-length fields; optionally led by "]d2", "]C1", "]Q3", a GS, or wrapped in an
/// ISO/IEC 15434 format-05 envelope) or in the human-readable form "(01)...(17)...".
/// Two-digit years are placed in a century by the GS1 rule relative to `referenceYear`
/// (normally the current year). Never throws; every failure is an Error whose message says
/// which rule failed and names the AI, never the data.
Result<Gs1Element> parseGs1(std::string_view text, int referenceYear);

/// The human-readable form "(01)...(11)...(17)...(10)...(21)..." followed by the other AIs in
/// their input order. Dates are written as YYMMDD of the resolved day, so an input day "00"
/// comes back as the month's actual last day.
std::string gs1ToHumanReadable(const Gs1Element& element);

}  // namespace vax
