#include "core/ResidentId.h"

#include "core/Ascii.h"

#include <array>
#include <cstddef>
#include <utility>

namespace vax {

namespace {

constexpr std::size_t kLength = 18;
constexpr std::size_t kLegacyLength = 15;

// ISO 7064 MOD 11-2 weights (2^(18-i) mod 11) for positions 1..17, and the character
// chosen by the remainder of the weighted sum.
constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

// Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong and 82 Macao included), plus 83,
// which residence permits for Taiwan residents use. Only the first two digits are checked: the
// prefecture and county digits change with every revision of the standard, and people keep
// the number they were issued under an older one.
constexpr std::array kProvinceCodes{
    11, 12, 13, 14, 15,          // North
    21, 22, 23,                  // North-east
    31, 32, 33, 34, 35, 36, 37,  // East
    41, 42, 43, 44, 45, 46,      // Centre and south
    50, 51, 52, 53, 54,          // South-west
    61, 62, 63, 64, 65,          // North-west
    71, 81, 82, 83,              // Taiwan, Hong Kong, Macao; Taiwan residents' permits
};

constexpr int kMinBirthYear = 1900;

using ascii::isDigit;

using ascii::digitValue;

using ascii::allDigits;

// Only digits, except that the check character of an 18-character number may be X.
bool hasValidCharacters(std::string_view text) {
    if (text.size() == kLength) {
        const char last = text.back();
        return allDigits(text.substr(0, kLength - 1)) &&
               (isDigit(last) || last == 'X' || last == 'x');
    }
    return allDigits(text);
}

bool isProvinceCode(int code) {
    for (int known : kProvinceCodes) {
        if (known == code) {
            return true;
        }
    }
    return false;
}

// Legacy numbers carry a two-digit year that is always 19yy and no check character.
std::string expandLegacy(std::string_view legacy) {
    std::string number;
    number.reserve(kLength);
    number.append(legacy.substr(0, 6));
    number.append("19");
    number.append(legacy.substr(6));
    number.push_back(ResidentId::checkCharacter(number));
    return number;
}

std::string normalised(std::string_view text) {
    if (text.size() == kLegacyLength) {
        return expandLegacy(text);
    }
    std::string number(text);
    if (number.back() == 'x') {
        number.back() = 'X';
    }
    return number;
}

}  // namespace

std::string_view describe(IdError error) {
    switch (error) {
        case IdError::Empty:
            return "No resident ID number was entered.";
        case IdError::WrongLength:
            return "A resident ID number must have 18 characters (or 15 for an old card).";
        case IdError::BadCharacter:
            return "A resident ID number may contain only digits, and only its last character "
                   "may be X.";
        case IdError::BadRegion:
            return "The first six digits are not a known region code.";
        case IdError::BadBirthDate:
            return "The birth date in the resident ID number does not exist.";
        case IdError::BirthInFuture:
            return "The birth date in the resident ID number is later than today.";
        case IdError::BadSequence:
            return "The sequence code in the resident ID number cannot be 000.";
        case IdError::BadCheckDigit:
            return "The last character does not match the rest of the resident ID number; "
                   "please check for a typing mistake.";
    }
    return "The resident ID number is not valid.";
}

Result<ResidentId, IdError> ResidentId::parse(std::string_view text, CivilDate today) {
    const std::string_view input = ascii::trimmed(text);
    if (input.empty()) {
        return IdError::Empty;
    }
    if (input.size() != kLength && input.size() != kLegacyLength) {
        return IdError::WrongLength;
    }
    if (!hasValidCharacters(input)) {
        return IdError::BadCharacter;
    }

    std::string number = normalised(input);
    const std::string_view view(number);
    if (!isProvinceCode(digitValue(view[0]) * 10 + digitValue(view[1]))) {
        return IdError::BadRegion;
    }
    const auto birth = CivilDate::parseCompact(view.substr(6, 8));
    if (!birth || birth->year() < kMinBirthYear) {
        return IdError::BadBirthDate;
    }
    if (*birth > today) {
        return IdError::BirthInFuture;
    }
    if (view.substr(14, 3) == "000") {
        return IdError::BadSequence;
    }
    if (checkCharacter(view.substr(0, kLength - 1)) != view.back()) {
        return IdError::BadCheckDigit;
    }
    return ResidentId(std::move(number), *birth);
}

char ResidentId::checkCharacter(std::string_view first17) {
    if (first17.size() != kWeights.size() || !allDigits(first17)) {
        return '?';
    }
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i) {
        sum += digitValue(first17[i]) * kWeights[i];
    }
    return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

Sex ResidentId::sex() const {
    return digitValue(m_number[16]) % 2 == 1 ? Sex::Male : Sex::Female;
}

std::string ResidentId::masked() const {
    return maskIdText(m_number);
}

bool ResidentId::fitsMasked(std::string_view masked) const {
    if (masked.size() != m_number.size()) {
        return false;
    }
    for (std::size_t i = 0; i < masked.size(); ++i) {
        const char shown = masked[i] == 'x' ? 'X' : masked[i];
        if (shown != '*' && shown != m_number[i]) {
            return false;
        }
    }
    return true;
}

std::string maskIdText(std::string_view text) {
    constexpr std::size_t kKept = 4;
    if (text.size() <= 2 * kKept) {
        return std::string(text.size(), '*');
    }
    std::string result(text.substr(0, kKept));
    result.append(text.size() - 2 * kKept, '*');
    result.append(text.substr(text.size() - kKept));
    return result;
}

}  // namespace vax
