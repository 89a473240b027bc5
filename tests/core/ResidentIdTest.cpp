#include <gtest/gtest.h>

#include <cstddef>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/CivilDate.h"
#include "core/ResidentId.h"

using namespace vax;

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(const CivilDate& date, std::ostream* os) {
    *os << date.iso();
}
[[maybe_unused]] static void PrintTo(IdError error, std::ostream* os) {
    *os << describe(error);
}
}  // namespace vax

namespace {

// Hand-checked vectors (check characters verified by hand and with a separate script).
constexpr std::string_view kFemaleWithX = "11010519491231002X";    // 1949-12-31, seq 002
constexpr std::string_view kMaleWithDigit = "310115198506170453";  // 1985-06-17, seq 045
constexpr std::string_view kLeapDayBirth = "320106200002290019";   // 2000-02-29, seq 001

CivilDate date(int year, int month, int day) {
    const auto result = CivilDate::fromYmd(year, month, day);
    EXPECT_TRUE(result.has_value()) << year << "-" << month << "-" << day;
    return result.value_or(CivilDate::fromDaysSinceEpoch(0));
}

const CivilDate kToday = date(2025, 6, 1);

// Independent formulation of ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11 and
// the check value is (12 - sum mod 11) mod 11, with 10 written as X.
char expectedCheck(std::string_view first17) {
    int sum = 0;
    int weight = 1;
    for (std::size_t i = first17.size(); i-- > 0;) {
        weight = weight * 2 % 11;
        sum += (first17[i] - '0') * weight;
    }
    const int value = (12 - sum % 11) % 11;
    return value == 10 ? 'X' : static_cast<char>('0' + value);
}

std::string withCheck(std::string_view first17) {
    std::string number(first17);
    number.push_back(expectedCheck(first17));
    return number;
}

// A number that only differs from a valid one in its check character.
std::string withWrongCheck(std::string_view first17) {
    std::string number = withCheck(first17);
    number.back() = number.back() == '0' ? '1' : '0';
    return number;
}

IdError errorOf(std::string_view text, CivilDate today = kToday) {
    const auto result = ResidentId::parse(text, today);
    EXPECT_FALSE(result.ok()) << "accepted: " << text;
    return result.ok() ? IdError::Empty : result.error();
}

const std::vector<IdError> kAllErrors{
    IdError::Empty,        IdError::WrongLength,   IdError::BadCharacter, IdError::BadRegion,
    IdError::BadBirthDate, IdError::BirthInFuture, IdError::BadSequence,  IdError::BadCheckDigit,
};

}  // namespace

// --- test vectors ---------------------------------------------------------------------------

TEST(ResidentIdVectors, HandCheckedVectorsAgreeWithTestHelper) {
    for (std::string_view number : {kFemaleWithX, kMaleWithDigit, kLeapDayBirth}) {
        EXPECT_EQ(withCheck(number.substr(0, 17)), number);
    }
}

// --- valid numbers --------------------------------------------------------------------------

TEST(ResidentIdParse, AcceptsValidNumberWithXCheck) {
    const auto id = ResidentId::parse(kFemaleWithX, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->number(), kFemaleWithX);
    EXPECT_EQ(id->regionCode(), "110105");
    EXPECT_EQ(id->birthDate(), date(1949, 12, 31));
}

TEST(ResidentIdParse, AcceptsValidNumberWithDigitCheck) {
    const auto id = ResidentId::parse(kMaleWithDigit, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->number(), kMaleWithDigit);
    EXPECT_EQ(id->regionCode(), "310115");
    EXPECT_EQ(id->birthDate(), date(1985, 6, 17));
}

TEST(ResidentIdParse, AcceptsCheckDigitZero) {
    const std::string number = "440304200502280090";
    ASSERT_EQ(withCheck(number.substr(0, 17)), number);
    const auto id = ResidentId::parse(number, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->number(), number);
}

TEST(ResidentIdParse, AcceptsLeapDayBirth) {
    const auto id = ResidentId::parse(kLeapDayBirth, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->birthDate(), date(2000, 2, 29));
}

TEST(ResidentIdParse, NormalisesLowerCaseX) {
    const auto id = ResidentId::parse("11010519491231002x", kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->number(), kFemaleWithX);
}

TEST(ResidentIdParse, TrimsSurroundingWhitespace) {
    for (const char* text : {"  11010519491231002X", "11010519491231002X  ",
                             "\t 11010519491231002x\r\n", "\n11010519491231002X\v\f"}) {
        const auto id = ResidentId::parse(text, kToday);
        ASSERT_TRUE(id.ok()) << '"' << text << '"';
        EXPECT_EQ(id->number(), kFemaleWithX);
    }
}

TEST(ResidentIdParse, InteriorSpaceIsNotTrimmed) {
    EXPECT_EQ(errorOf("110105 19491231002X"), IdError::WrongLength);
    EXPECT_EQ(errorOf("110105 9491231002X"), IdError::BadCharacter);
}

TEST(ResidentIdParse, AcceptsEveryProvinceLevelCode) {
    for (int province : {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                         44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}) {
        const std::string number = withCheck(std::to_string(province) + "0102" + "19900101001");
        EXPECT_TRUE(ResidentId::parse(number, kToday).ok()) << number;
    }
}

TEST(ResidentIdParse, AcceptsBirthOnReferenceDate) {
    const std::string number = withCheck("11010520250601001");
    const auto id = ResidentId::parse(number, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->ageOn(kToday), 0);
}

TEST(ResidentIdParse, AcceptsEarliestBirthYear) {
    EXPECT_TRUE(ResidentId::parse(withCheck("65010219000101007"), kToday).ok());
}

// --- errors ---------------------------------------------------------------------------------

TEST(ResidentIdErrors, Empty) {
    EXPECT_EQ(errorOf(""), IdError::Empty);
    EXPECT_EQ(errorOf("   "), IdError::Empty);
    EXPECT_EQ(errorOf("\t\r\n "), IdError::Empty);
}

TEST(ResidentIdErrors, WrongLength) {
    EXPECT_EQ(errorOf("1"), IdError::WrongLength);
    EXPECT_EQ(errorOf("11010519491231002"), IdError::WrongLength);    // 17
    EXPECT_EQ(errorOf("11010519491231002X1"), IdError::WrongLength);  // 19
    EXPECT_EQ(errorOf("1305036704010010"), IdError::WrongLength);     // 16
    EXPECT_EQ(errorOf("13050367040100"), IdError::WrongLength);       // 14
}

TEST(ResidentIdErrors, BadCharacter) {
    EXPECT_EQ(errorOf("1101051949123100X2"), IdError::BadCharacter);  // X not last
    EXPECT_EQ(errorOf("X1010519491231002X"), IdError::BadCharacter);
    EXPECT_EQ(errorOf("11010519491231002Y"), IdError::BadCharacter);
    EXPECT_EQ(errorOf("110105-949123100 X"), IdError::BadCharacter);
    EXPECT_EQ(errorOf("1101051949123I002X"), IdError::BadCharacter);
    EXPECT_EQ(errorOf("13050367040100X"), IdError::BadCharacter);  // legacy has no X
    EXPECT_EQ(errorOf("13050367040100x"), IdError::BadCharacter);
    EXPECT_EQ(errorOf("1305036704O1001"), IdError::BadCharacter);
}

TEST(ResidentIdErrors, BadRegion) {
    for (const char* province : {"00", "01", "10", "16", "20", "24", "30", "38", "40", "47",
                                 "49", "55", "60", "66", "70", "72", "80", "84", "90", "99"}) {
        const std::string number = withCheck(std::string(province) + "0102" + "19900101001");
        EXPECT_EQ(errorOf(number), IdError::BadRegion) << number;
    }
}

TEST(ResidentIdErrors, BadBirthDate) {
    EXPECT_EQ(errorOf(withCheck("11010519900230001")), IdError::BadBirthDate);
    EXPECT_EQ(errorOf(withCheck("11010519901301001")), IdError::BadBirthDate);
    EXPECT_EQ(errorOf(withCheck("11010519900000001")), IdError::BadBirthDate);
    EXPECT_EQ(errorOf(withCheck("11010519900100001")), IdError::BadBirthDate);
    EXPECT_EQ(errorOf(withCheck("11010518991231001")), IdError::BadBirthDate);  // before 1900
    EXPECT_EQ(errorOf(withCheck("11010500010101001")), IdError::BadBirthDate);
}

TEST(ResidentIdErrors, TwentyNinthFebruaryOnlyInLeapYears) {
    EXPECT_EQ(errorOf(withCheck("11010520230229001")), IdError::BadBirthDate);
    EXPECT_EQ(errorOf(withCheck("11010519000229001")), IdError::BadBirthDate);
    EXPECT_TRUE(ResidentId::parse(withCheck("11010520240229001"), kToday).ok());
}

TEST(ResidentIdErrors, BirthInFuture) {
    EXPECT_EQ(errorOf(withCheck("11010520250602001")), IdError::BirthInFuture);
    EXPECT_EQ(errorOf(withCheck("11010520300101001")), IdError::BirthInFuture);
    // The same number is fine once its birth date has come.
    EXPECT_TRUE(ResidentId::parse(withCheck("11010520250602001"), date(2025, 6, 2)).ok());
}

TEST(ResidentIdErrors, BadSequence) {
    EXPECT_EQ(errorOf(withCheck("11010519900101000")), IdError::BadSequence);
    EXPECT_TRUE(ResidentId::parse(withCheck("11010519900101001"), kToday).ok());
    EXPECT_TRUE(ResidentId::parse(withCheck("11010519900101010"), kToday).ok());
    EXPECT_TRUE(ResidentId::parse(withCheck("11010519900101100"), kToday).ok());
}

TEST(ResidentIdErrors, BadCheckDigit) {
    EXPECT_EQ(errorOf("110105194912310020"), IdError::BadCheckDigit);  // X expected
    EXPECT_EQ(errorOf("31011519850617045X"), IdError::BadCheckDigit);  // 3 expected
    EXPECT_EQ(errorOf("310115198506170454"), IdError::BadCheckDigit);
    EXPECT_EQ(errorOf(withWrongCheck("44030419900307123")), IdError::BadCheckDigit);
}

TEST(ResidentIdErrors, EverySingleDigitTypoIsCaught) {
    // MOD 11-2 detects all single substitutions; each typo is caught by some rule.
    const std::string valid(kMaleWithDigit);
    for (std::size_t i = 0; i < 17; ++i) {
        for (char c = '0'; c <= '9'; ++c) {
            if (c == valid[i]) {
                continue;
            }
            std::string typo = valid;
            typo[i] = c;
            EXPECT_FALSE(ResidentId::parse(typo, kToday).ok()) << typo;
        }
    }
}

TEST(ResidentIdErrors, AdjacentTranspositionsAreCaught) {
    const std::string valid(kMaleWithDigit);
    for (std::size_t i = 0; i + 1 < 18; ++i) {
        if (valid[i] == valid[i + 1]) {
            continue;
        }
        std::string typo = valid;
        std::swap(typo[i], typo[i + 1]);
        EXPECT_FALSE(ResidentId::parse(typo, kToday).ok()) << typo;
    }
}

// --- error order ----------------------------------------------------------------------------

TEST(ResidentIdErrorOrder, LengthBeforeCharacters) {
    EXPECT_EQ(errorOf("abc"), IdError::WrongLength);
    EXPECT_EQ(errorOf("ABCDEFGHIJKLMNOPQRS"), IdError::WrongLength);
}

TEST(ResidentIdErrorOrder, CharactersBeforeRegion) {
    EXPECT_EQ(errorOf("0001051949123100AX"), IdError::BadCharacter);
}

TEST(ResidentIdErrorOrder, RegionBeforeBirthDate) {
    EXPECT_EQ(errorOf(withWrongCheck("99010519900230000")), IdError::BadRegion);
}

TEST(ResidentIdErrorOrder, BirthDateBeforeSequence) {
    EXPECT_EQ(errorOf(withWrongCheck("11010519900230000")), IdError::BadBirthDate);
}

TEST(ResidentIdErrorOrder, FutureBeforeSequence) {
    EXPECT_EQ(errorOf(withWrongCheck("11010520300101000")), IdError::BirthInFuture);
}

TEST(ResidentIdErrorOrder, SequenceBeforeCheckDigit) {
    EXPECT_EQ(errorOf(withWrongCheck("11010519900101000")), IdError::BadSequence);
}

// --- legacy 15-character numbers ------------------------------------------------------------

TEST(ResidentIdLegacy, ConvertsToEighteenCharacters) {
    const auto id = ResidentId::parse("130503670401001", kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->number(), "130503196704010016");
    EXPECT_EQ(id->birthDate(), date(1967, 4, 1));
    EXPECT_EQ(id->sex(), Sex::Male);
}

TEST(ResidentIdLegacy, ConvertsWithSurroundingSpaces) {
    const auto id = ResidentId::parse("  320106850617022 ", kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->number(), "320106198506170221");
    EXPECT_EQ(id->sex(), Sex::Female);
}

TEST(ResidentIdLegacy, ConvertedNumberParsesAsEighteen) {
    const auto legacy = ResidentId::parse("130503670401001", kToday);
    ASSERT_TRUE(legacy.ok());
    const auto modern = ResidentId::parse(legacy->number(), kToday);
    ASSERT_TRUE(modern.ok());
    EXPECT_EQ(modern->number(), legacy->number());
    EXPECT_EQ(modern->birthDate(), legacy->birthDate());
}

TEST(ResidentIdLegacy, ValidatesLikeEighteen) {
    EXPECT_EQ(errorOf("990503670401001"), IdError::BadRegion);
    EXPECT_EQ(errorOf("130503670230001"), IdError::BadBirthDate);
    EXPECT_EQ(errorOf("130503670229001"), IdError::BadBirthDate);  // 1967 is not leap
    EXPECT_EQ(errorOf("130503670401000"), IdError::BadSequence);
    EXPECT_TRUE(ResidentId::parse("130503680229001", kToday).ok());  // 1968 is leap
}

TEST(ResidentIdLegacy, YearIsAlwaysNineteenHundreds) {
    const auto id = ResidentId::parse("130503000101001", kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->birthDate(), date(1900, 1, 1));
    EXPECT_EQ(id->number(), withCheck("13050319000101001"));
}

// --- checkCharacter -------------------------------------------------------------------------

TEST(ResidentIdCheckCharacter, KnownValues) {
    EXPECT_EQ(ResidentId::checkCharacter("11010519491231002"), 'X');
    EXPECT_EQ(ResidentId::checkCharacter("31011519850617045"), '3');
    EXPECT_EQ(ResidentId::checkCharacter("32010620000229001"), '9');
    EXPECT_EQ(ResidentId::checkCharacter("44030420050228009"), '0');
    EXPECT_EQ(ResidentId::checkCharacter("13050319670401001"), '6');
}

TEST(ResidentIdCheckCharacter, AgreesWithIndependentFormulation) {
    // Sweep many prefixes so that every remainder, hence every check character, occurs.
    std::set<char> seen;
    std::string prefix = "11010519900101000";
    for (int n = 0; n < 2000; ++n) {
        // Vary the last four digits; checkCharacter does not care whether the date exists.
        int rest = n;
        for (std::size_t i = 16; i >= 13; --i) {
            prefix[i] = static_cast<char>('0' + rest % 10);
            rest /= 10;
        }
        const char check = ResidentId::checkCharacter(prefix);
        ASSERT_EQ(check, expectedCheck(prefix)) << prefix;
        seen.insert(check);
    }
    EXPECT_EQ(seen.size(), 11u);
}

TEST(ResidentIdCheckCharacter, QuestionMarkForBadInput) {
    EXPECT_EQ(ResidentId::checkCharacter(""), '?');
    EXPECT_EQ(ResidentId::checkCharacter("1101051949123100"), '?');    // 16
    EXPECT_EQ(ResidentId::checkCharacter("11010519491231002X"), '?');  // 18
    EXPECT_EQ(ResidentId::checkCharacter("110105194912310020"), '?');  // 18 digits
    EXPECT_EQ(ResidentId::checkCharacter("1101051949123100X"), '?');
    EXPECT_EQ(ResidentId::checkCharacter("11010519491231 02"), '?');
}

// --- sex and age ----------------------------------------------------------------------------

TEST(ResidentIdSex, OddSequenceIsMaleEvenIsFemale) {
    const auto female = ResidentId::parse(kFemaleWithX, kToday);  // seq 002
    const auto male = ResidentId::parse(kMaleWithDigit, kToday);  // seq 045
    ASSERT_TRUE(female.ok());
    ASSERT_TRUE(male.ok());
    EXPECT_EQ(female->sex(), Sex::Female);
    EXPECT_EQ(male->sex(), Sex::Male);

    for (char last = '0'; last <= '9'; ++last) {
        const auto id =
            ResidentId::parse(withCheck(std::string("1101051990010101") + last), kToday);
        ASSERT_TRUE(id.ok()) << last;
        EXPECT_EQ(id->sex(), (last - '0') % 2 == 1 ? Sex::Male : Sex::Female) << last;
    }
}

TEST(ResidentIdAge, AgeOnBirthdayAndDayBefore) {
    const auto id = ResidentId::parse(kMaleWithDigit, kToday);  // born 1985-06-17
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->ageOn(date(2025, 6, 16)), 39);
    EXPECT_EQ(id->ageOn(date(2025, 6, 17)), 40);
    EXPECT_EQ(id->ageOn(date(2025, 6, 18)), 40);
}

TEST(ResidentIdAge, LeapDayBirthdayInCommonYear) {
    const auto id = ResidentId::parse(kLeapDayBirth, kToday);  // born 2000-02-29
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->ageOn(date(2018, 2, 28)), 17);
    EXPECT_EQ(id->ageOn(date(2018, 3, 1)), 18);
    EXPECT_EQ(id->ageOn(date(2024, 2, 29)), 24);
}

// --- masking --------------------------------------------------------------------------------

TEST(ResidentIdMasked, KeepsFirstAndLastFour) {
    const auto id = ResidentId::parse(kFemaleWithX, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->masked(), "1101**********002X");

    const auto other = ResidentId::parse(kMaleWithDigit, kToday);
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->masked(), "3101**********0453");
}

TEST(ResidentIdMasked, HidesBirthDateAndShowsNormalisedX) {
    const auto id = ResidentId::parse(" 11010519491231002x ", kToday);
    ASSERT_TRUE(id.ok());
    const std::string masked = id->masked();
    EXPECT_EQ(masked.size(), 18u);
    EXPECT_EQ(masked.find("1949"), std::string::npos);
    EXPECT_EQ(masked.back(), 'X');
}

TEST(ResidentIdMasked, LegacyNumberIsMaskedAfterConversion) {
    const auto id = ResidentId::parse("130503670401001", kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->masked(), "1305**********0016");
}

TEST(MaskIdText, ShortTextIsFullyStarred) {
    EXPECT_EQ(maskIdText(""), "");
    EXPECT_EQ(maskIdText("1"), "*");
    EXPECT_EQ(maskIdText("abc"), "***");
    EXPECT_EQ(maskIdText("12345678"), "********");
}

TEST(MaskIdText, LongerTextKeepsFirstAndLastFour) {
    EXPECT_EQ(maskIdText("123456789"), "1234*6789");
    EXPECT_EQ(maskIdText("130503670401001"), "1305*******1001");
    EXPECT_EQ(maskIdText("11010519491231002x"), "1101**********002x");
    EXPECT_EQ(maskIdText("not an id at all"), "not ******** all");
}

TEST(MaskIdText, MatchesMaskedForParsedNumbers) {
    const auto id = ResidentId::parse(kMaleWithDigit, kToday);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(maskIdText(id->number()), id->masked());
}

// --- describe -------------------------------------------------------------------------------

TEST(ResidentIdDescribe, EveryErrorHasItsOwnSentence) {
    std::set<std::string_view> messages;
    for (IdError error : kAllErrors) {
        const std::string_view message = describe(error);
        EXPECT_FALSE(message.empty());
        EXPECT_EQ(message.back(), '.') << message;
        messages.insert(message);
    }
    EXPECT_EQ(messages.size(), kAllErrors.size());
}

TEST(ResidentIdDescribe, NeverContainsDigitRuns) {
    // Messages may mention lengths (18, 15) but never anything resembling a number.
    for (IdError error : kAllErrors) {
        const std::string_view message = describe(error);
        int run = 0;
        for (char c : message) {
            run = (c >= '0' && c <= '9') ? run + 1 : 0;
            EXPECT_LE(run, 3) << message;
        }
    }
}

TEST(ResidentIdDescribe, ReportedErrorsMatchDescriptions) {
    const auto result = ResidentId::parse(withCheck("11010519900101000"), kToday);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(describe(result.error()), describe(IdError::BadSequence));
    EXPECT_NE(describe(result.error()), describe(IdError::BadCheckDigit));
}

TEST(ResidentIdMaskTest, FitsTheMaskedFormsOtherSystemsShow) {
    const auto id =
        vax::ResidentId::parse("11010519491231002X", *vax::CivilDate::fromYmd(2026, 11, 25));
    ASSERT_TRUE(id.ok());
    EXPECT_TRUE(id->fitsMasked("1101**********002X"));
    EXPECT_TRUE(id->fitsMasked("1101**********002x"));
    EXPECT_TRUE(id->fitsMasked("******************"));
    EXPECT_TRUE(id->fitsMasked(id->masked()));
    EXPECT_FALSE(id->fitsMasked("1101**********1234"));
    EXPECT_FALSE(id->fitsMasked("3101**********002X"));
    EXPECT_FALSE(id->fitsMasked("1101*********002X")) << "another length";
    EXPECT_FALSE(id->fitsMasked(""));
}
