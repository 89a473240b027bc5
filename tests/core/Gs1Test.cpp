#include <gtest/gtest.h>

#include <climits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/CivilDate.h"
#include "core/Gs1.h"

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(const CivilDate& date, std::ostream* os) {
    *os << date.iso();
}
[[maybe_unused]] static void PrintTo(const Gs1Element& element, std::ostream* os) {
    *os << gs1ToHumanReadable(element);
}
}  // namespace vax

namespace vax {
namespace {

constexpr char kGs = '\x1d';
constexpr int kYear = 2026;

// GS1 sample GTIN and the one from the brief; check digits computed with a separate script.
constexpr std::string_view kGtin = "09506000134352";
constexpr std::string_view kGtin2 = "06901234567892";

CivilDate date(int year, int month, int day) {
    const auto result = CivilDate::fromYmd(year, month, day);
    EXPECT_TRUE(result.has_value()) << year << "-" << month << "-" << day;
    return result.value_or(CivilDate::fromDaysSinceEpoch(0));
}

// Independent formulation of the mod-10 rule: odd positions counted from the right (the
// check digit being position 1) are not weighted, even ones weigh 3.
std::string withCheck(std::string_view body) {
    int sum = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const int weight = (body.size() - i) % 2 == 1 ? 3 : 1;
        sum += (body[i] - '0') * weight;
    }
    std::string digits(body);
    digits.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
    return digits;
}

std::string gs(std::string_view a, std::string_view b) {
    std::string text(a);
    text.push_back(kGs);
    text.append(b);
    return text;
}

// The error message for `text`, or a marker when it parsed.
std::string errorOf(std::string_view text, int year = kYear) {
    const auto result = parseGs1(text, year);
    return result ? std::string("<parsed>") : result.error().message;
}

CivilDate expiryOf(std::string_view yymmdd, int year = kYear) {
    const auto result = parseGs1("(17)" + std::string(yymmdd), year);
    EXPECT_TRUE(result.ok()) << yymmdd << ": " << (result ? "" : result.error().message);
    if (!result || !result->expiry) {
        return CivilDate::fromDaysSinceEpoch(0);
    }
    return *result->expiry;
}

// The usual vaccine pack: GTIN, expiry, then lot and serial, which need a GS between them.
std::string packFnc1() {
    return gs("01" + std::string(kGtin) + "17261231" + "10LOT42", "21SN0001");
}

void expectPack(const Result<Gs1Element>& result) {
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->gtin, std::string(kGtin));
    EXPECT_EQ(result->expiry, date(2026, 12, 31));
    EXPECT_EQ(result->lot, "LOT42");
    EXPECT_EQ(result->serial, "SN0001");
    EXPECT_FALSE(result->productionDate.has_value());
    EXPECT_TRUE(result->others.empty());
}

// --- check digit -------------------------------------------------------------------------

TEST(Gs1CheckDigit, AcceptsValidNumbersOfEveryLength) {
    EXPECT_TRUE(gs1CheckDigitOk(kGtin));
    EXPECT_TRUE(gs1CheckDigitOk(kGtin2));
    EXPECT_TRUE(gs1CheckDigitOk("96385074"));            // GTIN-8
    EXPECT_TRUE(gs1CheckDigitOk("4006381333931"));       // GTIN-13
    EXPECT_TRUE(gs1CheckDigitOk("106141411234567897"));  // SSCC, 18 digits
    for (std::string_view body : {"1234567", "12345678901", "00000000000000000", "9999999"}) {
        EXPECT_TRUE(gs1CheckDigitOk(withCheck(body))) << body;
    }
}

TEST(Gs1CheckDigit, RejectsEveryWrongCheckDigit) {
    const std::string good(kGtin);
    for (char digit = '0'; digit <= '9'; ++digit) {
        std::string candidate = good;
        candidate.back() = digit;
        EXPECT_EQ(gs1CheckDigitOk(candidate), candidate == good) << candidate;
    }
    // Swapping two neighbours with different weights is caught too.
    EXPECT_FALSE(gs1CheckDigitOk("90506000134352"));
}

TEST(Gs1CheckDigit, RejectsWrongLengthsAndNonDigits) {
    EXPECT_FALSE(gs1CheckDigitOk(""));
    EXPECT_FALSE(gs1CheckDigitOk(withCheck("123456")));              // 7 digits
    EXPECT_FALSE(gs1CheckDigitOk(withCheck("123456789012345678")));  // 19 digits
    EXPECT_FALSE(gs1CheckDigitOk("0950600013435X"));
    EXPECT_FALSE(gs1CheckDigitOk("09506 00134352"));
}

// --- the two written forms ---------------------------------------------------------------

TEST(Gs1Parse, ReadsTheFnc1FormWithGsSeparators) {
    expectPack(parseGs1(packFnc1(), kYear));
}

TEST(Gs1Parse, AcceptsSymbologyIdentifiersAndALeadingGs) {
    for (std::string_view lead : {"]d2", "]C1", "]Q3", "\x1d", "]d2\x1d"}) {
        SCOPED_TRACE(lead);
        expectPack(parseGs1(std::string(lead) + packFnc1(), kYear));
    }
}

TEST(Gs1Parse, ReadsTheHumanReadableForm) {
    expectPack(parseGs1("(01)09506000134352(17)261231(10)LOT42(21)SN0001", kYear));
}

TEST(Gs1Parse, BothFormsGiveTheSameElement) {
    const auto fnc1 = parseGs1(gs("01" + std::string(kGtin2) + "11250601" + "10A1", "21B2"), kYear);
    const auto human = parseGs1("(01)06901234567892(11)250601(10)A1(21)B2", kYear);
    ASSERT_TRUE(fnc1.ok() && human.ok());
    EXPECT_EQ(*fnc1, *human);
    EXPECT_EQ(fnc1->productionDate, date(2025, 6, 1));
}

TEST(Gs1Parse, ToleratesGsAfterPredefinedFieldsAndAtTheEnd) {
    const std::string text = gs(gs("01" + std::string(kGtin), "17261231"), "10LOT42") + "\x1d";
    const auto result = parseGs1(text, kYear);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->lot, "LOT42");
}

TEST(Gs1Parse, ReadsAnIso15434FormatFiveEnvelope) {
    const std::string text =
        "[)>\x1e"
        "05\x1d" +
        packFnc1() + "\x1e\x04";
    expectPack(parseGs1(text, kYear));
    EXPECT_EQ(errorOf("[)>\x1e"
                      "06\x1d"
                      "1PABC\x1e\x04"),
              "the ISO/IEC 15434 envelope does not hold GS1 data (format 05)");
}

TEST(Gs1Parse, KeepsOtherKnownAisInInputOrder) {
    const auto result = parseGs1(
        "(01)09506000134352(30)12(3103)001250(400)PO-1(414)9520000000011(91)internal", kYear);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const std::vector<Gs1Field> expected{{"30", "12"},
                                         {"3103", "001250"},
                                         {"400", "PO-1"},
                                         {"414", "9520000000011"},
                                         {"91", "internal"}};
    EXPECT_EQ(result->others, expected);
}

TEST(Gs1Parse, KnowsTheLengthOfEveryPredefinedAi) {
    // No GS anywhere: the parser must know where each predefined field ends.
    const std::string text = "00" + std::string("106141411234567897") + "01" + std::string(kGtin) +
                             "02" + std::string(kGtin2) + "11250101" + "12260101" + "13250102" +
                             "15270101" + "16270102" + "17270103" + "2007" + "3102000750" +
                             "3300001500" + "3650000200" + "4109520000000011" + "10TAIL";
    const auto result = parseGs1(text, kYear);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->lot, "TAIL");
    EXPECT_EQ(result->expiry, date(2027, 1, 3));
    EXPECT_EQ(result->productionDate, date(2025, 1, 1));
    ASSERT_EQ(result->others.size(), 11u);
    EXPECT_EQ(result->others[0], (Gs1Field{"00", "106141411234567897"}));
    EXPECT_EQ(result->others[7], (Gs1Field{"3102", "000750"}));
    EXPECT_EQ(result->others[10], (Gs1Field{"410", "9520000000011"}));
}

TEST(Gs1Parse, VariableFieldsNeedTheirSeparator) {
    const std::string text =
        gs(gs(gs(gs("3012", "3715"), "240ADD-1"), "241CUST"), "22CPV") + "\x1d" + "90X";
    const auto result = parseGs1(text, kYear);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->others.size(), 6u);
    EXPECT_EQ(result->others[2], (Gs1Field{"240", "ADD-1"}));
}

TEST(Gs1Parse, AcceptsTheWholeCharacterSet82) {
    const auto result = parseGs1(gs("10!\"%&'()*+,-./09:", "21;<=>?AZ_az"), kYear);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->lot, "!\"%&'()*+,-./09:");
    EXPECT_EQ(result->serial, ";<=>?AZ_az");
}

TEST(Gs1Parse, IgnoresARepeatedIdenticalField) {
    const auto result = parseGs1("(01)09506000134352(10)L1(01)09506000134352", kYear);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->gtin, std::string(kGtin));
}

// --- dates --------------------------------------------------------------------------------

TEST(Gs1Date, DayZeroMeansTheLastDayOfTheMonth) {
    EXPECT_EQ(expiryOf("240200"), date(2024, 2, 29));  // leap year
    EXPECT_EQ(expiryOf("250200"), date(2025, 2, 28));
    EXPECT_EQ(expiryOf("260400"), date(2026, 4, 30));
    EXPECT_EQ(expiryOf("261200"), date(2026, 12, 31));
    EXPECT_EQ(expiryOf("000200", 2000), date(2000, 2, 29));  // divisible by 400: leap
    EXPECT_EQ(expiryOf("000200", 2100), date(2100, 2, 28));  // divisible by 100: not leap
}

TEST(Gs1Date, CenturyFollowsTheGs1Window) {
    // Up to 50 years ahead stays in this century, 51 ahead goes back one.
    EXPECT_EQ(expiryOf("761231"), date(2076, 12, 31));
    EXPECT_EQ(expiryOf("770101"), date(1977, 1, 1));
    EXPECT_EQ(expiryOf("260101"), date(2026, 1, 1));
    EXPECT_EQ(expiryOf("990101"), date(1999, 1, 1));
    // Up to 49 years behind stays, 50 behind moves to the next century.
    EXPECT_EQ(expiryOf("310101", 2080), date(2031, 1, 1));
    EXPECT_EQ(expiryOf("300101", 2080), date(2130, 1, 1));
    EXPECT_EQ(expiryOf("000101", 1999), date(2000, 1, 1));
    EXPECT_EQ(expiryOf("490101", 1999), date(2049, 1, 1));
    EXPECT_EQ(expiryOf("500101", 1999), date(1950, 1, 1));  // exactly 49 behind: stays
}

TEST(Gs1Date, RejectsImpossibleDates) {
    const std::string message =
        "AI 17 (expiry date) is not a valid date (YYMMDD; day 00 means "
        "the month's end)";
    EXPECT_EQ(errorOf("(17)261301"), message);
    EXPECT_EQ(errorOf("(17)260001"), message);
    EXPECT_EQ(errorOf("(17)260230"), message);
    EXPECT_EQ(errorOf("(17)250229"), message);
    EXPECT_EQ(errorOf("(17)260431"), message);
    EXPECT_EQ(errorOf("(17)260132"), message);
    EXPECT_EQ(errorOf("(17)240229"), "<parsed>");
    EXPECT_EQ(errorOf("(11)261301"),
              "AI 11 (production date) is not a valid date (YYMMDD; day 00 means the month's "
              "end)");
    EXPECT_EQ(errorOf("(15)269901").find("AI 15"), 0u);
}

TEST(Gs1Date, RejectsWrongLengthAndNonDigits) {
    EXPECT_EQ(errorOf("(17)26123"), "AI 17 (expiry date) must have exactly 6 digits, found 5");
    EXPECT_EQ(errorOf("(17)2612310"), "AI 17 (expiry date) must have exactly 6 digits, found 7");
    EXPECT_EQ(errorOf("(17)2612AB"), "AI 17 (expiry date) must contain digits only");
}

TEST(Gs1Date, SurvivesAnyReferenceYear) {
    for (int year : {INT_MIN, -1, 0, 1, 9999, 10000, INT_MAX}) {
        SCOPED_TRACE(year);
        const auto result = parseGs1("(17)261231", year);
        if (result) {
            ASSERT_TRUE(result->expiry.has_value());
            EXPECT_GE(result->expiry->year(), 1);
            EXPECT_LE(result->expiry->year(), 9999);
        } else {
            EXPECT_NE(result.error().message.find("not a valid date"), std::string::npos);
        }
    }
    EXPECT_EQ(expiryOf("261231", 1), date(26, 12, 31));
    // Year 99 seen from year 1 would be 1 BC.
    EXPECT_NE(errorOf("(17)991231", 1).find("not a valid date"), std::string::npos);
}

// --- errors -------------------------------------------------------------------------------

TEST(Gs1Errors, WrongCheckDigit) {
    EXPECT_EQ(errorOf("(01)09506000134353"), "AI 01 (GTIN) has a wrong check digit");
    EXPECT_EQ(errorOf("0109506000134353"), "AI 01 (GTIN) has a wrong check digit");
    EXPECT_EQ(errorOf("(00)106141411234567890"), "AI 00 (SSCC) has a wrong check digit");
    EXPECT_EQ(errorOf("(414)9520000000012"), "AI 414 (location GLN) has a wrong check digit");
}

TEST(Gs1Errors, UnknownApplicationIdentifier) {
    EXPECT_EQ(errorOf("0109506000134352"
                      "05ABC"),
              "unknown application identifier '05'");
    EXPECT_EQ(errorOf("(05)ABC"), "unknown application identifier '05'");
    EXPECT_EQ(errorOf("3170001500"), "unknown application identifier '3170'");
    EXPECT_EQ(errorOf("4189520000000011"), "unknown application identifier '418'");
    EXPECT_EQ(errorOf("(999)X"), "unknown application identifier '999'");
    EXPECT_EQ(errorOf("(1)X"),
              "expected an application identifier in parentheses, like (01), "
              "at position 1");
}

TEST(Gs1Errors, LotTooLong) {
    const std::string twenty(20, 'L');
    EXPECT_EQ(errorOf("10" + twenty), "<parsed>");
    EXPECT_EQ(errorOf("10" + twenty + "L"),
              "AI 10 (batch or lot) is too long: at most 20 characters, found 21; a GS separator "
              "may be missing after it");
    EXPECT_EQ(errorOf("(10)" + twenty + "L"),
              "AI 10 (batch or lot) is too long: at most 20 characters, found 21");
    EXPECT_EQ(errorOf("(21)" + std::string(21, '1')).find("AI 21 (serial number) is too long"), 0u);
    EXPECT_EQ(errorOf("(91)" + std::string(90, 'x')), "<parsed>");
    EXPECT_EQ(errorOf("(90)" + std::string(31, 'x')).find("AI 90"), 0u);
}

TEST(Gs1Errors, MissingGsSeparator) {
    // Lot and serial run together; the lot then swallows the serial and grows too long.
    EXPECT_EQ(errorOf("0109506000134352"
                      "10LOT42ABCDEFGHIJ"
                      "21SERIAL0001"),
              "AI 10 (batch or lot) is too long: at most 20 characters, found 27; a GS separator "
              "may be missing after it");
    // A fixed-length field outside the predefined table still needs its GS.
    EXPECT_EQ(errorOf("40212345678901234567"
                      "10LOT"),
              "AI 402 (shipment identification number) must have exactly 17 digits, found 22; "
              "a GS separator may be missing after it");
    // A short lot followed by a serial without GS cannot be told apart: it is one lot.
    const auto result = parseGs1(
        "10LOT42"
        "21SN1",
        kYear);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->lot, "LOT4221SN1");
    EXPECT_FALSE(result->serial.has_value());
}

TEST(Gs1Errors, PredefinedFieldCutShort) {
    const std::string message =
        "AI 01 (GTIN) must have exactly 14 digits, but the data ends or a GS separator comes "
        "first";
    EXPECT_EQ(errorOf("01095060001343"), message);
    EXPECT_EQ(errorOf("01"), message);
    EXPECT_EQ(errorOf(gs("010950600013", "4352")), message);
    EXPECT_EQ(errorOf("0109506000134352"
                      "1726123"),
              "AI 17 (expiry date) must have exactly 6 digits, but the data ends or a GS "
              "separator comes first");
    EXPECT_EQ(errorOf("(01)0950600013435"), "AI 01 (GTIN) must have exactly 14 digits, found 13");
    EXPECT_EQ(errorOf("(01)"), "AI 01 (GTIN) must have exactly 14 digits, found 0");
}

TEST(Gs1Errors, EmptyInput) {
    for (std::string_view text : {"", "]d2", "]C1\x1d", "\x1d", "\x1d\x1d",
                                  "[)>\x1e"
                                  "05\x1d"
                                  "\x1e\x04"}) {
        EXPECT_EQ(errorOf(text), "the GS1 data is empty") << text;
    }
}

TEST(Gs1Errors, EmptyVariableField) {
    EXPECT_EQ(errorOf(gs("0109506000134352"
                         "10",
                         "21X")),
              "AI 10 (batch or lot) is empty");
    EXPECT_EQ(errorOf("(01)09506000134352(21)"), "AI 21 (serial number) is empty");
}

TEST(Gs1Errors, NotAnApplicationIdentifier) {
    EXPECT_EQ(errorOf("ABC"), "expected an application identifier (digits) at position 1");
    EXPECT_EQ(errorOf("]d2X1"), "expected an application identifier (digits) at position 4");
    EXPECT_EQ(errorOf(gs("10A", "+1")),
              "expected an application identifier (digits) at position 5");
    EXPECT_EQ(errorOf("(01"),
              "expected an application identifier in parentheses, like (01), "
              "at position 1");
}

TEST(Gs1Errors, DataEndsInsideAnAi) {
    EXPECT_EQ(errorOf("0109506000134352"
                      "3"),
              "the data ends inside an application identifier");
    EXPECT_EQ(errorOf("0109506000134352"
                      "31"),
              "the data ends inside an application identifier");
    EXPECT_EQ(errorOf("0109506000134352"
                      "24"),
              "the data ends inside an application identifier");
    // A non-digit where the AI's last digit should be.
    EXPECT_EQ(errorOf("333X12"), "incomplete application identifier at position 1");
    EXPECT_EQ(errorOf("]d2"
                      "0109506000134352"
                      "31-"),
              "incomplete application identifier at position 20");
}

TEST(Gs1Errors, CharactersOutsideTheGs1Set) {
    const std::string message = "AI 10 (batch or lot) contains a character that GS1 does not allow";
    EXPECT_EQ(errorOf("10LOT 42"), message);
    EXPECT_EQ(errorOf("10LOT#42"), message);
    EXPECT_EQ(errorOf("10LOT\xe6\x89\xb9"), message);
    EXPECT_EQ(errorOf("(10)LOT\x1d"
                      "42"),
              message);
    EXPECT_EQ(errorOf("(30)12A"), "AI 30 (variable count) must contain digits only");
}

TEST(Gs1Errors, ContradictingRepeat) {
    EXPECT_EQ(errorOf("(10)A(10)B"), "AI 10 (batch or lot) appears twice with different values");
}

TEST(Gs1Errors, MessagesNeverContainTheData) {
    for (std::string text : {std::string("10SECRETLOT SECRET"), std::string("(17)SECRET"),
                             "10" + std::string(30, 'S'), std::string("(21)SECRET#")}) {
        const std::string message = errorOf(text);
        EXPECT_EQ(message.find("SECRET"), std::string::npos) << message;
        EXPECT_EQ(message.find("SSSS"), std::string::npos) << message;
    }
}

// --- human-readable output --------------------------------------------------------------

TEST(Gs1HumanReadable, WritesTheParenthesisedForm) {
    const auto result = parseGs1(packFnc1(), kYear);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(gs1ToHumanReadable(*result), "(01)09506000134352(17)261231(10)LOT42(21)SN0001");
}

TEST(Gs1HumanReadable, RoundTripsThroughTheParser) {
    const auto first =
        parseGs1(gs("01" + std::string(kGtin2) + "11250601" + "17270600" + "10B-7", "21X9") +
                     "\x1d" + "3012",
                 kYear);
    ASSERT_TRUE(first.ok()) << first.error().message;
    const std::string human = gs1ToHumanReadable(*first);
    // Day 00 comes back as the actual last day.
    EXPECT_EQ(human, "(01)06901234567892(11)250601(17)270630(10)B-7(21)X9(30)12");
    const auto second = parseGs1(human, kYear);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(*second, *first);
}

TEST(Gs1HumanReadable, EmptyElementGivesEmptyText) {
    EXPECT_EQ(gs1ToHumanReadable(Gs1Element{}), "");
}

}  // namespace
}  // namespace vax
