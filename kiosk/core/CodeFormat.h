#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vax {

/// Symbologies the kiosk reads. Our own flags, so ZXing stays out of public headers.
enum class CodeFormat : std::uint32_t {
    QRCode = 1u << 0,
    MicroQRCode = 1u << 1,
    PDF417 = 1u << 2,
    DataMatrix = 1u << 3,  ///< including GS1 DataMatrix
    Code128 = 1u << 4,     ///< including GS1-128
    Aztec = 1u << 5,
};

/// A set of formats.
class FormatSet {
public:
    constexpr FormatSet() = default;
    constexpr FormatSet(std::initializer_list<CodeFormat> formats) {
        for (CodeFormat f : formats) {
            m_bits |= std::uint32_t(f);
        }
    }
    constexpr bool has(CodeFormat f) const { return (m_bits & std::uint32_t(f)) != 0; }
    constexpr bool empty() const { return m_bits == 0; }
    constexpr std::uint32_t bits() const { return m_bits; }
    constexpr FormatSet operator|(FormatSet other) const { return fromBits(m_bits | other.m_bits); }
    friend constexpr bool operator==(FormatSet, FormatSet) = default;

    static constexpr FormatSet fromBits(std::uint32_t bits) {
        FormatSet s;
        s.m_bits = bits;
        return s;
    }

private:
    std::uint32_t m_bits = 0;
};

inline constexpr FormatSet kAllFormats{CodeFormat::QRCode,  CodeFormat::MicroQRCode,
                                       CodeFormat::PDF417,  CodeFormat::DataMatrix,
                                       CodeFormat::Code128, CodeFormat::Aztec};

/// What each device role reads: entry QR + PDF417 + DataMatrix; the station adds Code128
/// (vaccine packs, GS1-128); the exit reads our QR tickets only. nullopt for an unknown role.
std::optional<FormatSet> formatsForRole(std::string_view role);

/// "QRCode", "PDF417", ...
std::string_view toString(CodeFormat format);

/// Parses a comma-separated list such as "qr,pdf417,datamatrix,code128" (case-insensitive;
/// ZXing's names like "QRCode" work too). nullopt when a name is unknown or the list empty.
std::optional<FormatSet> parseFormats(std::string_view list);

}  // namespace vax
