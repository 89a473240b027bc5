#include "core/CodeFormat.h"

#include <array>
#include <cctype>
#include <utility>

namespace vax {

namespace {

struct FormatName {
    CodeFormat format;
    std::string_view name;   // as ZXing names it
    std::string_view alias;  // short form for command lines
};

constexpr std::array<FormatName, 6> kNames{{
    {CodeFormat::QRCode, "QRCode", "qr"},
    {CodeFormat::MicroQRCode, "MicroQRCode", "microqr"},
    {CodeFormat::PDF417, "PDF417", "pdf417"},
    {CodeFormat::DataMatrix, "DataMatrix", "datamatrix"},
    {CodeFormat::Code128, "Code128", "code128"},
    {CodeFormat::Aztec, "Aztec", "aztec"},
}};

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<FormatSet> formatsForRole(std::string_view role) {
    const FormatSet entry{CodeFormat::QRCode, CodeFormat::PDF417, CodeFormat::DataMatrix};
    if (role == "entry") {
        return entry;
    }
    // A staff console also binds doses, as the station does: the packs' 1D trace codes too.
    if (role == "station" || role == "console") {
        return entry | FormatSet{CodeFormat::Code128};
    }
    if (role == "exit") {
        return FormatSet{CodeFormat::QRCode};
    }
    return std::nullopt;
}

std::string_view toString(CodeFormat format) {
    for (const auto& n : kNames) {
        if (n.format == format) {
            return n.name;
        }
    }
    return "unknown";
}

std::optional<FormatSet> parseFormats(std::string_view list) {
    FormatSet set;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string_view word = list.substr(start, comma - start);
        bool known = false;
        for (const auto& n : kNames) {
            if (equalsIgnoringCase(word, n.name) || equalsIgnoringCase(word, n.alias)) {
                set = set | FormatSet{n.format};
                known = true;
            }
        }
        if (!known) {
            return std::nullopt;
        }
        start = comma + 1;
    }
    if (set.empty()) {
        return std::nullopt;
    }
    return set;
}

}  // namespace vax
