#include "core/Gs1.h"

#include "core/Ascii.h"

#include <cstddef>
#include <string>
#include <utility>

namespace vax {

namespace {

constexpr char kGs = '\x1d';
constexpr char kRs = '\x1e';
constexpr char kEot = '\x04';

enum class Charset {
    Numeric,  // N: digits only
    Cset82,   // X: GS1 AI encodable character set 82
};

enum class Check { None, CheckDigit, Date };

// One row of the AI table (GS1 General Specifications, section 3). In `pattern` an 'n' stands
// for any digit, e.g. the decimal-point position of a measurement AI.
struct AiSpec {
    std::string_view pattern;
    std::string_view title;
    std::size_t minLength;
    std::size_t maxLength;
    Charset charset;
    // The first two digits fix the whole length (the spec's "predefined length" table), so no
    // FNC1 follows the field. Every other field ends with FNC1 unless it is the last one, even
    // when its own length is fixed (402, 422, 7003).
    bool predefined;
    Check check;
};

constexpr Charset N = Charset::Numeric;
constexpr Charset X = Charset::Cset82;

// Patterns are prefix-free except "90" before "9n": the first match wins.
constexpr AiSpec kAis[] = {
    {"00", "SSCC", 18, 18, N, true, Check::CheckDigit},
    {"01", "GTIN", 14, 14, N, true, Check::CheckDigit},
    {"02", "GTIN of contained items", 14, 14, N, true, Check::CheckDigit},
    {"10", "batch or lot", 1, 20, X, false, Check::None},
    {"11", "production date", 6, 6, N, true, Check::Date},
    {"12", "due date", 6, 6, N, true, Check::Date},
    {"13", "packaging date", 6, 6, N, true, Check::Date},
    {"15", "best before date", 6, 6, N, true, Check::Date},
    {"16", "sell by date", 6, 6, N, true, Check::Date},
    {"17", "expiry date", 6, 6, N, true, Check::Date},
    {"20", "internal product variant", 2, 2, N, true, Check::None},
    {"21", "serial number", 1, 20, X, false, Check::None},
    {"22", "consumer product variant", 1, 20, X, false, Check::None},
    {"235", "third-party controlled serial extension", 1, 28, X, false, Check::None},
    {"240", "additional product identification", 1, 30, X, false, Check::None},
    {"241", "customer part number", 1, 30, X, false, Check::None},
    {"242", "made-to-order variation", 1, 6, N, false, Check::None},
    {"250", "secondary serial number", 1, 30, X, false, Check::None},
    {"251", "reference to source entity", 1, 30, X, false, Check::None},
    {"254", "GLN extension component", 1, 20, X, false, Check::None},
    {"30", "variable count", 1, 8, N, false, Check::None},
    // Trade and logistic measures: 310n-316n, 320n-329n, 330n-337n, 340n-357n, 360n-369n.
    {"310n", "net weight (kg)", 6, 6, N, true, Check::None},
    {"311n", "length (m)", 6, 6, N, true, Check::None},
    {"312n", "width (m)", 6, 6, N, true, Check::None},
    {"313n", "depth (m)", 6, 6, N, true, Check::None},
    {"314n", "area (m2)", 6, 6, N, true, Check::None},
    {"315n", "net volume (l)", 6, 6, N, true, Check::None},
    {"316n", "net volume (m3)", 6, 6, N, true, Check::None},
    {"32nn", "trade measure (imperial)", 6, 6, N, true, Check::None},
    {"330n", "gross weight (kg)", 6, 6, N, true, Check::None},
    {"331n", "logistic length (m)", 6, 6, N, true, Check::None},
    {"332n", "logistic width (m)", 6, 6, N, true, Check::None},
    {"333n", "logistic depth (m)", 6, 6, N, true, Check::None},
    {"334n", "logistic area (m2)", 6, 6, N, true, Check::None},
    {"335n", "logistic volume (l)", 6, 6, N, true, Check::None},
    {"336n", "logistic volume (m3)", 6, 6, N, true, Check::None},
    {"337n", "kilograms per square metre", 6, 6, N, true, Check::None},
    {"34nn", "measure (imperial)", 6, 6, N, true, Check::None},
    {"350n", "area (square inches)", 6, 6, N, true, Check::None},
    {"351n", "area (square feet)", 6, 6, N, true, Check::None},
    {"352n", "area (square yards)", 6, 6, N, true, Check::None},
    {"353n", "logistic area (square inches)", 6, 6, N, true, Check::None},
    {"354n", "logistic area (square feet)", 6, 6, N, true, Check::None},
    {"355n", "logistic area (square yards)", 6, 6, N, true, Check::None},
    {"356n", "net weight (troy ounces)", 6, 6, N, true, Check::None},
    {"357n", "net weight or volume (ounces)", 6, 6, N, true, Check::None},
    {"36nn", "volume (imperial)", 6, 6, N, true, Check::None},
    {"37", "count of trade items", 1, 8, N, false, Check::None},
    {"390n", "amount payable", 1, 15, N, false, Check::None},
    {"392n", "amount payable for a variable measure item", 1, 15, N, false, Check::None},
    {"400", "customer's purchase order number", 1, 30, X, false, Check::None},
    {"401", "consignment number", 1, 30, X, false, Check::None},
    {"402", "shipment identification number", 17, 17, N, false, Check::CheckDigit},
    {"403", "routing code", 1, 30, X, false, Check::None},
    {"410", "ship to GLN", 13, 13, N, true, Check::CheckDigit},
    {"411", "bill to GLN", 13, 13, N, true, Check::CheckDigit},
    {"412", "purchased from GLN", 13, 13, N, true, Check::CheckDigit},
    {"413", "ship for GLN", 13, 13, N, true, Check::CheckDigit},
    {"414", "location GLN", 13, 13, N, true, Check::CheckDigit},
    {"415", "invoicing party GLN", 13, 13, N, true, Check::CheckDigit},
    {"416", "production location GLN", 13, 13, N, true, Check::CheckDigit},
    {"417", "party GLN", 13, 13, N, true, Check::CheckDigit},
    {"420", "ship to postal code", 1, 20, X, false, Check::None},
    {"422", "country of origin", 3, 3, N, false, Check::None},
    {"7003", "expiry date and time", 10, 10, N, false, Check::None},
    {"710", "national healthcare reimbursement number (DE)", 1, 20, X, false, Check::None},
    {"711", "national healthcare reimbursement number (FR)", 1, 20, X, false, Check::None},
    {"712", "national healthcare reimbursement number (ES)", 1, 20, X, false, Check::None},
    {"713", "national healthcare reimbursement number (BR)", 1, 20, X, false, Check::None},
    {"714", "national healthcare reimbursement number (PT)", 1, 20, X, false, Check::None},
    {"715", "national healthcare reimbursement number (US)", 1, 20, X, false, Check::None},
    {"8004", "individual asset identifier", 1, 30, X, false, Check::None},
    {"8020", "payment slip reference number", 1, 25, X, false, Check::None},
    {"90", "mutually agreed information", 1, 30, X, false, Check::None},
    {"9n", "company internal information", 1, 90, X, false, Check::None},
};

using ascii::isDigit;

using ascii::digitValue;

using ascii::allDigits;

// GS1 AI encodable character set 82: printable ASCII without space # $ @ [ \ ] ^ ` { | } ~.
bool isCset82(char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '%' && c <= '?')) {
        return true;  // '%'..'?' is % & ' ( ) * + , - . / 0-9 : ; < = > ?
    }
    return c == '!' || c == '"' || c == '_';
}

bool patternMatches(std::string_view pattern, std::string_view text) {
    if (text.size() < pattern.size()) {
        return false;
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (!isDigit(text[i]) || (pattern[i] != 'n' && pattern[i] != text[i])) {
            return false;
        }
    }
    return true;
}

// The AI at the start of `text`, for the FNC1 form where nothing marks where the AI ends.
const AiSpec* findAiAtStart(std::string_view text) {
    for (const AiSpec& spec : kAis) {
        if (patternMatches(spec.pattern, text)) {
            return &spec;
        }
    }
    return nullptr;
}

const AiSpec* findAiExact(std::string_view ai) {
    for (const AiSpec& spec : kAis) {
        if (spec.pattern.size() == ai.size() && patternMatches(spec.pattern, ai)) {
            return &spec;
        }
    }
    return nullptr;
}

// True when `digits` could still grow into a known AI: the data stops inside the AI.
bool isTruncatedAi(std::string_view digits) {
    for (const AiSpec& spec : kAis) {
        if (digits.size() < spec.pattern.size() &&
            patternMatches(spec.pattern.substr(0, digits.size()), digits)) {
            return true;
        }
    }
    return false;
}

// How many digits of `text` to name in an "unknown AI" message: as many as the known AIs
// with the same first two digits have, else two.
std::string unknownAiMessage(std::string_view text) {
    std::size_t length = 2;
    for (const AiSpec& spec : kAis) {
        if (patternMatches(spec.pattern.substr(0, 2), text)) {
            length = spec.pattern.size();
            break;
        }
    }
    std::size_t shown = 0;
    while (shown < length && shown < text.size() && isDigit(text[shown])) {
        ++shown;
    }
    return "unknown application identifier '" + std::string(text.substr(0, shown)) + "'";
}

std::string aiName(const AiSpec& spec, std::string_view ai) {
    return "AI " + std::string(ai) + " (" + std::string(spec.title) + ")";
}

Error error(std::string message) {
    return Error{std::move(message)};
}

std::string positionText(std::size_t offset) {
    return "position " + std::to_string(offset + 1);
}

bool isLeapYear(long long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int lastDayOfMonth(long long year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeapYear(year)) {
        return 29;
    }
    return kDays[month - 1];
}

// GS1 General Specifications 7.12: a two-digit year more than 50 years ahead of the reference
// year belongs to the previous century, one more than 49 years behind to the next.
std::optional<CivilDate> gs1Date(std::string_view yymmdd, int referenceYear) {
    if (yymmdd.size() != 6 || !allDigits(yymmdd)) {
        return std::nullopt;
    }
    const int yy = digitValue(yymmdd[0]) * 10 + digitValue(yymmdd[1]);
    const int month = digitValue(yymmdd[2]) * 10 + digitValue(yymmdd[3]);
    int day = digitValue(yymmdd[4]) * 10 + digitValue(yymmdd[5]);

    // 64-bit so that any int reference year is safe; the result is range-checked below.
    const long long reference = referenceYear;
    const long long referenceYy = (reference % 100 + 100) % 100;
    long long century = reference - referenceYy;
    const long long difference = yy - referenceYy;
    if (difference > 50) {
        century -= 100;
    } else if (difference < -49) {
        century += 100;
    }
    const long long year = century + yy;
    if (year < 1 || year > 9999 || month < 1 || month > 12) {
        return std::nullopt;
    }
    if (day == 0) {
        day = lastDayOfMonth(year, month);
    }
    return CivilDate::fromYmd(static_cast<int>(year), month, day);
}

class Parser {
public:
    explicit Parser(int referenceYear) : m_referenceYear(referenceYear) {}

    // Checks one field and files it. `fnc1Form` adds the hint that a long value may have
    // swallowed the next field because its separator is missing.
    std::optional<Error> add(const AiSpec& spec, std::string_view ai, std::string_view value,
                             bool fnc1Form) {
        if (auto problem = validate(spec, ai, value, fnc1Form)) {
            return problem;
        }
        for (const Gs1Field& seen : m_seen) {
            if (seen.ai == ai) {
                if (seen.value == value) {
                    return std::nullopt;  // a repeated identical field is harmless
                }
                return error(aiName(spec, ai) + " appears twice with different values");
            }
        }
        m_seen.push_back(Gs1Field{std::string(ai), std::string(value)});

        if (ai == "01") {
            m_element.gtin = std::string(value);
        } else if (ai == "10") {
            m_element.lot = std::string(value);
        } else if (ai == "21") {
            m_element.serial = std::string(value);
        } else if (ai == "17") {
            m_element.expiry = gs1Date(value, m_referenceYear);
        } else if (ai == "11") {
            m_element.productionDate = gs1Date(value, m_referenceYear);
        } else {
            m_element.others.push_back(Gs1Field{std::string(ai), std::string(value)});
        }
        return std::nullopt;
    }

    bool empty() const { return m_seen.empty(); }
    Gs1Element take() { return std::move(m_element); }

private:
    std::optional<Error> validate(const AiSpec& spec, std::string_view ai, std::string_view value,
                                  bool fnc1Form) const {
        const std::string name = aiName(spec, ai);
        const std::string_view unit = spec.charset == Charset::Numeric ? "digits" : "characters";
        if (spec.minLength == spec.maxLength && value.size() != spec.minLength) {
            std::string message = name + " must have exactly " + std::to_string(spec.minLength) +
                                  " " + std::string(unit) + ", found " +
                                  std::to_string(value.size());
            if (fnc1Form && value.size() > spec.maxLength) {
                message += "; a GS separator may be missing after it";
            }
            return error(std::move(message));
        }
        if (value.empty()) {
            return error(name + " is empty");
        }
        if (value.size() > spec.maxLength) {
            std::string message = name + " is too long: at most " + std::to_string(spec.maxLength) +
                                  " " + std::string(unit) + ", found " +
                                  std::to_string(value.size());
            if (fnc1Form) {
                message += "; a GS separator may be missing after it";
            }
            return error(std::move(message));
        }
        if (spec.charset == Charset::Numeric) {
            if (!allDigits(value)) {
                return error(name + " must contain digits only");
            }
        } else {
            for (char c : value) {
                if (!isCset82(c)) {
                    return error(name + " contains a character that GS1 does not allow");
                }
            }
        }
        if (spec.check == Check::CheckDigit && !gs1CheckDigitOk(value)) {
            return error(name + " has a wrong check digit");
        }
        if (spec.check == Check::Date && !gs1Date(value, m_referenceYear)) {
            return error(name + " is not a valid date (YYMMDD; day 00 means the month's end)");
        }
        return std::nullopt;
    }

    int m_referenceYear;
    Gs1Element m_element;
    std::vector<Gs1Field> m_seen;  // every field filed so far, to catch contradicting repeats
};

// The form a scanner sends: AI digits, data, and GS after every field without a predefined
// length. `base` is where `data` starts in the caller's text, for positions in messages.
Result<Gs1Element> parseFnc1Form(std::string_view data, std::size_t base, int referenceYear) {
    Parser parser(referenceYear);
    std::size_t pos = 0;
    while (pos < data.size()) {
        if (data[pos] == kGs) {
            ++pos;  // FNC1 after a predefined-length field, or a doubled one: both harmless
            continue;
        }
        const std::string_view rest = data.substr(pos);
        if (rest.size() < 2 || !isDigit(rest[0]) || !isDigit(rest[1])) {
            if (rest.size() == 1 && isDigit(rest[0])) {
                return error("the data ends inside an application identifier");
            }
            return error("expected an application identifier (digits) at " +
                         positionText(base + pos));
        }
        const AiSpec* spec = findAiAtStart(rest);
        if (spec == nullptr) {
            std::size_t digits = 0;
            while (digits < rest.size() && digits < 4 && isDigit(rest[digits])) {
                ++digits;
            }
            if (isTruncatedAi(rest.substr(0, digits))) {
                if (digits == rest.size()) {
                    return error("the data ends inside an application identifier");
                }
                return error("incomplete application identifier at " + positionText(base + pos));
            }
            return error(unknownAiMessage(rest));
        }
        const std::string_view ai = rest.substr(0, spec->pattern.size());
        pos += ai.size();

        std::string_view value;
        if (spec->predefined) {
            const std::string_view available = data.substr(pos, spec->maxLength);
            if (available.size() < spec->maxLength || available.find(kGs) != available.npos) {
                return error(aiName(*spec, ai) + " must have exactly " +
                             std::to_string(spec->maxLength) +
                             " digits, but the data ends or a GS separator comes first");
            }
            value = available;
        } else {
            const std::size_t end = data.find(kGs, pos);
            value = data.substr(pos, end == data.npos ? data.npos : end - pos);
        }
        pos += value.size();
        if (auto problem = parser.add(*spec, ai, value, true)) {
            return std::move(*problem);
        }
    }
    if (parser.empty()) {
        return error("the GS1 data is empty");
    }
    return parser.take();
}

// Length of an "(NN)".."(NNNN)" marker at `pos`, or 0 when there is none.
std::size_t markerLength(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] != '(') {
        return 0;
    }
    std::size_t digits = 0;
    while (pos + 1 + digits < text.size() && digits < 5 && isDigit(text[pos + 1 + digits])) {
        ++digits;
    }
    const std::size_t close = pos + 1 + digits;
    if (digits < 2 || digits > 4 || close >= text.size() || text[close] != ')') {
        return 0;
    }
    return digits + 2;
}

// The human-readable form. A value runs to the next "(digits)" marker, so a value that itself
// contains such a marker cannot be written this way (scanners never send this form anyway).
Result<Gs1Element> parseBracketForm(std::string_view data, std::size_t base, int referenceYear) {
    Parser parser(referenceYear);
    std::size_t pos = 0;
    while (pos < data.size()) {
        const std::size_t marker = markerLength(data, pos);
        if (marker == 0) {
            return error("expected an application identifier in parentheses, like (01), at " +
                         positionText(base + pos));
        }
        const std::string_view ai = data.substr(pos + 1, marker - 2);
        const AiSpec* spec = findAiExact(ai);
        if (spec == nullptr) {
            return error("unknown application identifier '" + std::string(ai) + "'");
        }
        const std::size_t valueStart = pos + marker;
        std::size_t valueEnd = valueStart;
        while (valueEnd < data.size() && markerLength(data, valueEnd) == 0) {
            ++valueEnd;
        }
        if (auto problem =
                parser.add(*spec, ai, data.substr(valueStart, valueEnd - valueStart), false)) {
            return std::move(*problem);
        }
        pos = valueEnd;
    }
    if (parser.empty()) {
        return error("the GS1 data is empty");
    }
    return parser.take();
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

void appendTwoDigits(std::string& out, int value) {
    out.push_back(static_cast<char>('0' + value / 10 % 10));
    out.push_back(static_cast<char>('0' + value % 10));
}

std::string yymmdd(CivilDate date) {
    std::string out;
    appendTwoDigits(out, date.year() % 100);
    appendTwoDigits(out, date.month());
    appendTwoDigits(out, date.day());
    return out;
}

}  // namespace

char gs1CheckDigit(std::string_view body) {
    if (body.empty() || body.size() > 17 || !allDigits(body)) {
        return '?';
    }
    // Weights 3, 1, 3, ... from the digit left of the check digit towards the front.
    int sum = 0;
    int weight = 3;
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        sum += digitValue(*it) * weight;
        weight = 4 - weight;
    }
    return char('0' + (10 - sum % 10) % 10);
}

bool gs1CheckDigitOk(std::string_view digits) {
    return digits.size() >= 8 && digits.size() <= 18 && allDigits(digits) &&
           gs1CheckDigit(digits.substr(0, digits.size() - 1)) == digits.back();
}

Result<Gs1Element> parseGs1(std::string_view text, int referenceYear) {
    std::size_t start = 0;
    std::size_t end = text.size();
    if (text.empty()) {
        return error("the GS1 data is empty");
    }

    // ISO/IEC 15434 envelope "[)>" RS "05" GS ... RS EOT; format 05 carries GS1 AIs.
    constexpr std::string_view kEnvelope = "[)>\x1e";
    if (startsWith(text, kEnvelope)) {
        const std::string_view format = text.substr(kEnvelope.size(), 3);
        if (format != "05\x1d") {
            return error("the ISO/IEC 15434 envelope does not hold GS1 data (format 05)");
        }
        start = kEnvelope.size() + format.size();
        if (end > start && text[end - 1] == kEot) {
            --end;
        }
        if (end > start && text[end - 1] == kRs) {
            --end;
        }
    } else {
        for (std::string_view symbology : {"]d2", "]C1", "]Q3"}) {
            if (startsWith(text, symbology)) {
                start = symbology.size();
                break;
            }
        }
    }
    // A leading GS is how some scanners pass on FNC1 in the first position.
    while (start < end && text[start] == kGs) {
        ++start;
    }
    const std::string_view data = text.substr(start, end - start);
    if (data.empty()) {
        return error("the GS1 data is empty");
    }
    if (data.front() == '(') {
        return parseBracketForm(data, start, referenceYear);
    }
    return parseFnc1Form(data, start, referenceYear);
}

std::string gs1ToHumanReadable(const Gs1Element& element) {
    std::string out;
    const auto add = [&out](std::string_view ai, std::string_view value) {
        out.push_back('(');
        out.append(ai);
        out.push_back(')');
        out.append(value);
    };
    if (element.gtin) {
        add("01", *element.gtin);
    }
    if (element.productionDate) {
        add("11", yymmdd(*element.productionDate));
    }
    if (element.expiry) {
        add("17", yymmdd(*element.expiry));
    }
    if (element.lot) {
        add("10", *element.lot);
    }
    if (element.serial) {
        add("21", *element.serial);
    }
    for (const Gs1Field& field : element.others) {
        add(field.ai, field.value);
    }
    return out;
}

}  // namespace vax
