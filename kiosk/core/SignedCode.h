#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/Result.h"

namespace vax {

/// Signed codes the site prints: the queue slip at entry, the dose ticket at the station.
/// Text form: "VK1:" + Base45(bytes). Bytes: the signed part, then a 64-byte Ed25519
/// signature over it. The signed part starts with version (1), kind, the signing key's id
/// (4 bytes) and the site id, then the kind's fields. Integers are big-endian, strings are
/// a length byte then UTF-8.
inline constexpr std::string_view kSignedCodePrefix = "VK1:";
inline constexpr std::uint8_t kSignedCodeVersion = 1;
inline constexpr std::size_t kSignatureBytes = 64;

enum class SignedCodeKind : std::uint8_t { QueueSlip = 1, DoseTicket = 2 };

/// A keyed hash of the ID number (first 16 bytes): links a person's codes, reveals nothing.
using PersonRef = std::array<std::uint8_t, 16>;

/// What a station of another device needs to bind a slip's visit that its own journal does
/// not hold (the person comes from the sealed ID): the visit's day, the reasons of the entry
/// decision and the earlier doses it was decided on, which set the dose number.
struct SlipVisitFacts {
    std::int32_t day = 0;          ///< local date of the check-in, days since 1970-01-01
    std::uint32_t reasonMask = 0;  ///< bit (1 << ReasonCode) for each reason at entry
    std::string campaignStep;      ///< empty: none
    struct PriorDoses {
        std::int32_t lastDoseDay = 0;  ///< days since 1970-01-01
        std::string productCode;
        std::uint8_t dosesReceived = 1;
        std::uint8_t source = 0;  ///< vax::PriorDoseSource as a number
    };
    std::optional<PriorDoses> prior;
};

/// Printed at entry: who may go to which desk.
struct QueueSlip {
    std::int64_t visitId = 0;
    char desk = 'A';
    std::uint16_t number = 0;
    PersonRef person{};
    std::string maskedId;                ///< "1101**********123X"
    std::uint8_t decision = 0;           ///< vax::Outcome as a number
    std::int64_t issuedAtUnix = 0;       ///< seconds
    std::vector<std::uint8_t> sealedId;  ///< the ID number sealed to the site (crypto_box_seal)
    /// Written after the fields above when set; slips printed without it still read.
    std::optional<SlipVisitFacts> facts;
};

/// What a device of the site that did not bind the dose (the exit) needs to keep the exit in
/// its journal: the visit as the site knows it (day and number) and the person as the slip
/// named them (masked, and sealed to the site).
struct TicketVisitFacts {
    std::int32_t day = 0;  ///< local date of the visit, days since 1970-01-01
    char desk = 'A';
    std::uint16_t number = 0;
    std::string maskedId;
    std::vector<std::uint8_t> sealedId;
};

/// Printed at the station: one person, one dose, one code.
struct DoseTicket {
    std::int64_t visitId = 0;
    PersonRef person{};
    std::string traceCode;    ///< the pack's code as scanned (20 digits or GS1)
    std::string productCode;  ///< catalogue code
    std::string lot;
    std::uint8_t doseNumber = 1;
    std::string station;
    std::int64_t vaccinatedAtUnix = 0;
    std::int64_t observationEndsAtUnix = 0;
    /// Written after the fields above when set; tickets printed without it still read.
    std::optional<TicketVisitFacts> facts;
};

/// What every signed code carries besides its body.
struct SignedHeader {
    std::uint8_t version = kSignedCodeVersion;
    SignedCodeKind kind = SignedCodeKind::QueueSlip;
    std::uint32_t keyId = 0;
    std::string siteId;
};

/// A decoded (not yet verified) signed code.
struct SignedCode {
    SignedHeader header;
    std::variant<QueueSlip, DoseTicket> body;
    std::vector<std::uint8_t> signedPart;  ///< the bytes the signature covers
    std::array<std::uint8_t, kSignatureBytes> signature{};
};

/// The bytes to sign for a slip or ticket (header + body). Strings longer than 255 bytes are
/// an error.
Result<std::vector<std::uint8_t>> encodeSignedPart(const SignedHeader& header,
                                                   const std::variant<QueueSlip, DoseTicket>& body);

/// "VK1:" + Base45(signedPart + signature).
std::string toSignedCodeText(const std::vector<std::uint8_t>& signedPart,
                             const std::array<std::uint8_t, kSignatureBytes>& signature);

/// Parses the text form without checking the signature. Errors say what is wrong: missing
/// prefix, bad Base45, truncated, unknown version, unknown kind, trailing bytes.
Result<SignedCode> parseSignedCode(std::string_view text);

}  // namespace vax
