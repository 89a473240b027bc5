#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CivilDate.h"
#include "core/Gs1.h"
#include "core/ResidentId.h"

namespace vax {

/// What a scanned text is, as far as the entry flow cares.
enum class PayloadKind { HealthCode, ResidentId, TraceCode, Ticket, Unknown };

/// "health_code", "resident_id", "trace_code", "ticket", "unknown" (stable: logs and JSON).
std::string_view toString(PayloadKind kind);

/// How a health code arrived: a link to the service, a bare token, or an offline signed JWS.
enum class HealthCodeForm { Url, Token, Jws };

/// "url", "token", "jws".
std::string_view toString(HealthCodeForm form);

/// A configured shape of online health-code token: a fixed prefix, then `minLength` to
/// `maxLength` characters (not counting the prefix) from one alphabet.
struct TokenPattern {
    enum class Alphabet {
        Digits,     ///< 0-9
        Alnum,      ///< 0-9 A-Z a-z
        Base64Url,  ///< 0-9 A-Z a-z - _ (no padding)
    };
    std::string prefix;
    std::size_t minLength = 1;
    std::size_t maxLength = 64;
    Alphabet alphabet = Alphabet::Alnum;
};

/// The site's configured code formats. Empty prefixes in the URL and e-ID lists are ignored
/// (they would match everything); a token pattern may have an empty prefix.
struct PayloadRules {
    /// Health-code service links, e.g. "https://hc.example.gov.cn/v/". Scheme and host match
    /// case-insensitively, the path exactly; something must follow the prefix.
    std::vector<std::string> healthCodeUrlPrefixes;
    std::vector<TokenPattern> healthCodeTokens;
    /// Prefixes of electronic ID payloads; the rest must be a resident ID number.
    std::vector<std::string> eIdPrefixes;
    /// Our own exit tickets.
    std::string ticketPrefix = "VK1:";
};

/// The result of classification. Only the fields of `kind` are filled; an Unknown result
/// keeps nothing of the payload, so it may be logged as is.
struct ClassifiedPayload {
    PayloadKind kind = PayloadKind::Unknown;
    /// Unknown only: why, in English, without the payload's content.
    std::string reason;

    /// HealthCode: its form; `text` is the trimmed code. Ticket: `text` is what follows the
    /// ticket prefix.
    HealthCodeForm form = HealthCodeForm::Url;
    std::string text;

    /// ResidentId: the number for display ("1101**********123X") and the validated number.
    std::string maskedId;
    std::optional<ResidentId> residentId;

    /// TraceCode, 20-digit Chinese drug traceability code: the digits and the leading 7 that
    /// name the product (the catalogue maps them).
    std::string traceCode20;
    std::string productPrefix;
    /// TraceCode from a GS1 element string (always has a GTIN).
    std::optional<Gs1Element> gs1;
};

/// Largest payload accepted, in bytes; longer ones are Unknown without being looked at.
inline constexpr std::size_t kMaxPayloadBytes = 4096;

/// Sorts a scanned text into one kind, first match wins: ticket, health-code URL, signed
/// health code (compact JWS), health-code token, resident ID (e-ID prefix or a bare 15/18
/// character number), 20-digit trace code starting with 8, GS1 element string. `today` bounds
/// birth dates and sets the century of GS1 dates. Total: any byte sequence gives a result.
ClassifiedPayload classifyPayload(std::string_view text, const PayloadRules& rules,
                                  CivilDate today);

}  // namespace vax
