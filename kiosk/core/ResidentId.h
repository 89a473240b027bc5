#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "core/CivilDate.h"
#include "core/Result.h"

namespace vax {

/// Why a text is not a valid resident ID number (GB 11643-1999).
enum class IdError {
    Empty,          ///< nothing entered
    WrongLength,    ///< not 18 characters (nor 15 for the legacy form)
    BadCharacter,   ///< a non-digit where a digit must be (only the last may be X)
    BadRegion,      ///< region code is not a plausible 6-digit administrative code
    BadBirthDate,   ///< birth date does not exist
    BirthInFuture,  ///< birth date after the reference date
    BadSequence,    ///< sequence code 000
    BadCheckDigit,  ///< ISO 7064 MOD 11-2 check character does not match
};

/// A message for a person, in English, that says which rule failed (never echoes the number).
std::string_view describe(IdError error);

enum class Sex { Female, Male };

/// A validated 18-character resident ID number. Holds the number in clear: keep it in
/// memory only as long as needed; show and log only `masked()`.
class ResidentId {
public:
    /// Validates an 18-character number, or converts a 15-character legacy one (19yy birth
    /// years, no check digit) to 18. Surrounding spaces are ignored; a lower-case x is
    /// accepted. `today` bounds the birth date.
    static Result<ResidentId, IdError> parse(std::string_view text, CivilDate today);

    /// ISO 7064 MOD 11-2 check character for the first 17 digits ('0'-'9' or 'X').
    static char checkCharacter(std::string_view first17);

    const std::string& number() const { return m_number; }
    std::string_view regionCode() const { return std::string_view(m_number).substr(0, 6); }
    CivilDate birthDate() const { return m_birthDate; }
    /// Odd sequence numbers are male, even ones female.
    Sex sex() const;
    int ageOn(CivilDate date) const { return vax::ageOn(m_birthDate, date); }
    /// First 4 and last 4 characters kept, the rest starred: "1101**********123X".
    std::string masked() const;
    /// True when `masked` (as another system shows this person, e.g. "1101**********123X")
    /// can be this number: same length, and every visible character the same ('x' = 'X').
    bool fitsMasked(std::string_view masked) const;

private:
    ResidentId(std::string number, CivilDate birthDate)
        : m_number(std::move(number)), m_birthDate(birthDate) {}

    std::string m_number;
    CivilDate m_birthDate;
};

/// Masks any ID-like text for display: keeps the first 4 and last 4 characters.
std::string maskIdText(std::string_view text);

}  // namespace vax
