#include "core/Payload.h"

#include "core/Ascii.h"

#include "core/Utf8.h"

#include <cstdint>
#include <utility>

namespace vax {

namespace {

constexpr char kGs = '\x1d';

constexpr std::string_view kReasonEmpty = "empty";
constexpr std::string_view kReasonTooLong = "too long";
constexpr std::string_view kReasonBinary = "binary or control characters";
constexpr std::string_view kReasonEmptyTicket = "ticket without content";
constexpr std::string_view kReasonBadJws = "looks like a signed health code (JWS) but is not one";
constexpr std::string_view kReasonGs1WithoutGtin = "GS1 code without a product number (AI 01)";
constexpr std::string_view kReasonUnknown = "not a code this kiosk knows";

using ascii::isDigit;

bool isAlnum(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isBase64UrlChar(char c) {
    return isAlnum(c) || c == '-' || c == '_';
}

using ascii::allDigits;

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i])) {
            return false;
        }
    }
    return true;
}

// Control characters a scanner may legitimately send: GS1 and ISO/IEC 15434 separators
// (GS, RS, EOT) and line structure.
bool isAllowedControl(unsigned char c) {
    return c == 0x1d || c == 0x1e || c == 0x04 || c == '\t' || c == '\r' || c == '\n';
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF) without
// C0/C1 controls or DEL, apart from the allowed separators.
bool isCleanText(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            if ((lead < 0x20 && !isAllowedControl(lead)) || lead == 0x7f) {
                return false;
            }
            ++i;
            continue;
        }
        const std::size_t length = utf8::sequenceLength(text, i);
        // U+0080..U+009F (C1 controls) are the two-byte sequences C2 80..C2 9F.
        if (length == 0 || (lead == 0xc2 && static_cast<unsigned char>(text[i + 1]) <= 0x9f)) {
            return false;
        }
        i += length;
    }
    return true;
}

// Scheme and host compare without case (hosts are case-insensitive), the path exactly. When
// the prefix ends inside the host, the host must end there too, or "https://hc.gov.cn" would
// accept "https://hc.gov.cn.evil.example/" and "https://hc.gov.cn:x@evil.example/".
bool urlMatches(std::string_view text, std::string_view prefix) {
    if (prefix.empty() || text.size() <= prefix.size()) {
        return false;
    }
    std::size_t hostEnd = 0;
    const std::size_t schemeEnd = prefix.find("://");
    if (schemeEnd != prefix.npos) {
        hostEnd = prefix.find('/', schemeEnd + 3);
        if (hostEnd == prefix.npos) {
            hostEnd = prefix.size();
        }
    }
    if (!equalsIgnoringAsciiCase(text.substr(0, hostEnd), prefix.substr(0, hostEnd)) ||
        text.substr(hostEnd, prefix.size() - hostEnd) != prefix.substr(hostEnd)) {
        return false;
    }
    const std::string_view rest = text.substr(prefix.size());
    const bool endsInHost =
        schemeEnd != prefix.npos && hostEnd == prefix.size() && hostEnd > schemeEnd + 3;
    if (endsInHost && rest.front() != '/' && rest.front() != '?' && rest.front() != '#') {
        return false;
    }
    for (char c : rest) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) {
            return false;  // a link never holds raw spaces or separators
        }
    }
    return true;
}

bool inAlphabet(std::string_view body, TokenPattern::Alphabet alphabet) {
    for (char c : body) {
        const bool ok = alphabet == TokenPattern::Alphabet::Digits  ? isDigit(c)
                        : alphabet == TokenPattern::Alphabet::Alnum ? isAlnum(c)
                                                                    : isBase64UrlChar(c);
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool tokenMatches(std::string_view text, const TokenPattern& pattern) {
    if (!startsWith(text, pattern.prefix)) {
        return false;
    }
    const std::string_view body = text.substr(pattern.prefix.size());
    return body.size() >= pattern.minLength && body.size() <= pattern.maxLength &&
           inAlphabet(body, pattern.alphabet);
}

int base64UrlValue(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (isDigit(c)) {
        return c - '0' + 52;
    }
    return c == '-' ? 62 : 63;  // callers pass base64url characters only
}

// Unpadded base64url, as JWS uses. nullopt for a length no encoder produces.
std::optional<std::string> decodeBase64Url(std::string_view text) {
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() / 4 * 3 + 2);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (!isBase64UrlChar(c)) {
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<std::uint32_t>(base64UrlValue(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xffu));
        }
    }
    return out;
}

bool isBase64UrlSegment(std::string_view segment) {
    if (segment.empty()) {
        return false;
    }
    for (char c : segment) {
        if (!isBase64UrlChar(c)) {
            return false;
        }
    }
    return true;
}

// Compact JWS: header.payload.signature, each non-empty base64url; the header is JSON that
// names its algorithm. The signature itself is checked later, against the trust list.
bool isCompactJws(std::string_view text) {
    const std::size_t first = text.find('.');
    if (first == text.npos) {
        return false;
    }
    const std::size_t second = text.find('.', first + 1);
    if (second == text.npos || text.find('.', second + 1) != text.npos) {
        return false;
    }
    const std::string_view header = text.substr(0, first);
    const std::string_view payload = text.substr(first + 1, second - first - 1);
    const std::string_view signature = text.substr(second + 1);
    if (!isBase64UrlSegment(header) || !isBase64UrlSegment(payload) ||
        !isBase64UrlSegment(signature)) {
        return false;
    }
    const auto decoded = decodeBase64Url(header);
    return decoded && !decoded->empty() && decoded->front() == '{' &&
           decoded->find("\"alg\"") != std::string::npos;
}

// Every JWS header starts with '{"', which base64url writes as "eyJ". Such a text that fails
// the JWS test deserves a better reason than "unknown".
bool looksLikeJwsAttempt(std::string_view text) {
    if (!startsWith(text, "eyJ") || text.find('.') == text.npos) {
        return false;
    }
    for (char c : text) {
        if (!isBase64UrlChar(c) && c != '.') {
            return false;
        }
    }
    return true;
}

// 17 digits and a digit or X: the shape of an 18-character resident ID number.
bool looksLikeId18(std::string_view text) {
    if (text.size() != 18 || !allDigits(text.substr(0, 17))) {
        return false;
    }
    const char last = text.back();
    return isDigit(last) || last == 'X' || last == 'x';
}

bool looksLikeGs1(std::string_view text) {
    if (text.find(kGs) != text.npos || startsWith(text, "]d2") || startsWith(text, "]C1") ||
        startsWith(text, "]Q3") || startsWith(text, "(01)")) {
        return true;
    }
    return startsWith(text, "01") && text.size() >= 16 && allDigits(text.substr(2, 14));
}

ClassifiedPayload unknown(std::string_view reason) {
    ClassifiedPayload result;
    result.kind = PayloadKind::Unknown;
    result.reason = std::string(reason);
    return result;
}

ClassifiedPayload healthCode(HealthCodeForm form, std::string_view text) {
    ClassifiedPayload result;
    result.kind = PayloadKind::HealthCode;
    result.form = form;
    result.text = std::string(text);
    return result;
}

ClassifiedPayload residentIdResult(ResidentId id) {
    ClassifiedPayload result;
    result.kind = PayloadKind::ResidentId;
    result.maskedId = id.masked();
    result.residentId = std::move(id);
    return result;
}

}  // namespace

std::string_view toString(PayloadKind kind) {
    switch (kind) {
        case PayloadKind::HealthCode:
            return "health_code";
        case PayloadKind::ResidentId:
            return "resident_id";
        case PayloadKind::TraceCode:
            return "trace_code";
        case PayloadKind::Ticket:
            return "ticket";
        case PayloadKind::Unknown:
            return "unknown";
    }
    return "unknown";
}

std::string_view toString(HealthCodeForm form) {
    switch (form) {
        case HealthCodeForm::Url:
            return "url";
        case HealthCodeForm::Token:
            return "token";
        case HealthCodeForm::Jws:
            return "jws";
    }
    return "url";
}

ClassifiedPayload classifyPayload(std::string_view input, const PayloadRules& rules,
                                  CivilDate today) {
    if (input.empty()) {
        return unknown(kReasonEmpty);
    }
    if (input.size() > kMaxPayloadBytes) {
        return unknown(kReasonTooLong);
    }
    if (!isCleanText(input)) {
        return unknown(kReasonBinary);
    }
    const std::string_view text = ascii::trimmed(input);
    if (text.empty()) {
        return unknown(kReasonEmpty);
    }

    if (!rules.ticketPrefix.empty() && startsWith(text, rules.ticketPrefix)) {
        if (text.size() == rules.ticketPrefix.size()) {
            return unknown(kReasonEmptyTicket);
        }
        ClassifiedPayload result;
        result.kind = PayloadKind::Ticket;
        result.text = std::string(text.substr(rules.ticketPrefix.size()));
        return result;
    }

    for (const std::string& prefix : rules.healthCodeUrlPrefixes) {
        if (urlMatches(text, prefix)) {
            return healthCode(HealthCodeForm::Url, text);
        }
    }

    // A near miss is remembered so that the final "unknown" can say what was wrong.
    std::string_view nearMiss = kReasonUnknown;
    if (isCompactJws(text)) {
        return healthCode(HealthCodeForm::Jws, text);
    }
    if (looksLikeJwsAttempt(text)) {
        nearMiss = kReasonBadJws;
    }

    for (const TokenPattern& pattern : rules.healthCodeTokens) {
        if (tokenMatches(text, pattern)) {
            return healthCode(HealthCodeForm::Token, text);
        }
    }

    for (const std::string& prefix : rules.eIdPrefixes) {
        if (!prefix.empty() && startsWith(text, prefix)) {
            auto id = ResidentId::parse(text.substr(prefix.size()), today);
            if (!id) {
                return unknown(describe(id.error()));
            }
            return residentIdResult(std::move(id).value());
        }
    }
    // An 18-character number is a resident ID or a mistyped one, never anything else; a
    // 15-digit text that is no legacy ID may still be some other code.
    if (looksLikeId18(text) || (text.size() == 15 && allDigits(text))) {
        auto id = ResidentId::parse(text, today);
        if (id) {
            return residentIdResult(std::move(id).value());
        }
        if (text.size() == 18) {
            return unknown(describe(id.error()));
        }
    }

    if (text.size() == 20 && text.front() == '8' && allDigits(text)) {
        ClassifiedPayload result;
        result.kind = PayloadKind::TraceCode;
        result.traceCode20 = std::string(text);
        result.productPrefix = std::string(text.substr(0, 7));
        return result;
    }

    if (looksLikeGs1(text)) {
        auto element = parseGs1(text, today.year());
        if (!element) {
            return unknown(element.error().message);
        }
        if (!element->gtin) {
            return unknown(kReasonGs1WithoutGtin);
        }
        ClassifiedPayload result;
        result.kind = PayloadKind::TraceCode;
        result.gs1 = std::move(element).value();
        return result;
    }

    return unknown(nearMiss);
}

}  // namespace vax
