#include "devices/EscPosRenderer.h"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/Utf8.h"
#include "devices/QrModules.h"

namespace vax {

namespace {

constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;
constexpr std::uint8_t FS = 0x1C;
constexpr std::uint8_t LF = 0x0A;

// Rows per GS v 0 command: some printers cannot buffer a tall image in one command.
constexpr int kRasterBandRows = 255;

/// Move-only owner of an iconv conversion descriptor.
class IconvHandle {
public:
    IconvHandle(const char* to, const char* from) noexcept : m_cd(::iconv_open(to, from)) {}
    IconvHandle(IconvHandle&& other) noexcept : m_cd(std::exchange(other.m_cd, invalid())) {}
    IconvHandle& operator=(IconvHandle&& other) noexcept {
        if (this != &other) {
            close();
            m_cd = std::exchange(other.m_cd, invalid());
        }
        return *this;
    }
    IconvHandle(const IconvHandle&) = delete;
    IconvHandle& operator=(const IconvHandle&) = delete;
    ~IconvHandle() { close(); }

    explicit operator bool() const noexcept { return m_cd != invalid(); }
    iconv_t get() const noexcept { return m_cd; }

private:
    static iconv_t invalid() noexcept { return reinterpret_cast<iconv_t>(-1); }
    void close() noexcept {
        if (m_cd != invalid()) {
            ::iconv_close(m_cd);
        }
    }
    iconv_t m_cd;
};

class Writer {
public:
    std::vector<std::uint8_t>& bytes() { return m_out; }

    void command(std::initializer_list<std::uint8_t> bytes) {
        m_out.insert(m_out.end(), bytes.begin(), bytes.end());
    }
    void raw(std::string_view s) { m_out.insert(m_out.end(), s.begin(), s.end()); }

    void style(const TextStyle& style) {
        if (style.align != m_style.align) {
            command({ESC, 'a', std::uint8_t(style.align == TextAlign::Centre ? 1 : 0)});
        }
        if (style.bold != m_style.bold) {
            command({ESC, 'E', std::uint8_t(style.bold ? 1 : 0)});
        }
        if (style.size != m_style.size) {
            // GS ! n: bits 4-6 width - 1, bits 0-2 height - 1; Chinese characters follow it too.
            const int n = (widthScale(style.size) - 1) << 4 | (heightScale(style.size) - 1);
            command({GS, '!', std::uint8_t(n)});
        }
        m_style = style;
    }

    void align(TextAlign align) { style({m_style.size, m_style.bold, align}); }

private:
    std::vector<std::uint8_t> m_out;
    TextStyle m_style;  // the state after ESC @
};

bool holdsStatusRequest(std::string_view data) {
    return data.find(std::string_view("\x10\x04", 2)) != std::string_view::npos;
}

void nativeQr(Writer& out, std::string_view data, int moduleSize) {
    // The printer leaves the quiet zone to us: blank lines above and below, in whole lines
    // because ESC J units differ between models.
    const int quietLines =
        (kQrQuietZone * moduleSize + PrinterProfile::kLineHeight - 1) / PrinterProfile::kLineHeight;
    out.command({ESC, 'd', std::uint8_t(quietLines)});
    // GS ( k pL pH cn fn ...: cn 49 = QR code.
    out.command({GS, '(', 'k', 4, 0, 49, 65, 50, 0});                     // fn 65: model 2
    out.command({GS, '(', 'k', 3, 0, 49, 67, std::uint8_t(moduleSize)});  // fn 67: module size
    out.command({GS, '(', 'k', 3, 0, 49, 69, 49});                        // fn 69: level M
    const std::size_t length = data.size() + 3;
    out.command({GS, '(', 'k', std::uint8_t(length & 0xFF), std::uint8_t(length >> 8), 49, 80,
                 48});  // fn 80: store
    out.raw(data);
    out.command({GS, '(', 'k', 3, 0, 49, 81, 48});  // fn 81: print
    out.command({ESC, 'd', std::uint8_t(quietLines)});
}

void rasterQr(Writer& out, const QrModules& modules, int moduleSize, int dotsPerLine) {
    const int bytesPerRow = dotsPerLine / 8;
    const int side = modules.size * moduleSize;
    const int quiet = kQrQuietZone * moduleSize;
    const int rows = side + 2 * quiet;
    const int left = (dotsPerLine - side) / 2;
    std::vector<std::uint8_t> image(std::size_t(bytesPerRow) * std::size_t(rows), 0);
    for (int y = 0; y < side; ++y) {
        std::uint8_t* row = image.data() + std::size_t(y + quiet) * std::size_t(bytesPerRow);
        for (int x = 0; x < side; ++x) {
            if (modules.at(x / moduleSize, y / moduleSize)) {
                const int dot = left + x;
                row[dot / 8] |= std::uint8_t(0x80 >> (dot % 8));
            }
        }
    }
    for (int top = 0; top < rows; top += kRasterBandRows) {
        const int band = std::min(kRasterBandRows, rows - top);
        // GS v 0 m xL xH yL yH: m 0 = normal density; x in bytes, y in dots.
        out.command({GS, 'v', '0', 0, std::uint8_t(bytesPerRow & 0xFF),
                     std::uint8_t(bytesPerRow >> 8), std::uint8_t(band & 0xFF),
                     std::uint8_t(band >> 8)});
        const auto* from = image.data() + std::size_t(top) * std::size_t(bytesPerRow);
        out.bytes().insert(out.bytes().end(), from,
                           from + std::size_t(band) * std::size_t(bytesPerRow));
    }
}

}  // namespace

EscPosRenderer::EscPosRenderer(PrinterProfile profile) : m_profile(std::move(profile)) {}

std::string EscPosRenderer::encodeText(std::string_view utf8) const {
    std::string clean(utf8);
    for (char& c : clean) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            c = '?';
        }
    }
    const IconvHandle cd(m_profile.textEncoding.c_str(), "UTF-8");
    if (!cd) {
        // validatePrinterProfile() rejects such a profile; keep ASCII rather than fail.
        for (std::size_t i = 0; i < clean.size(); ++i) {
            if (static_cast<unsigned char>(clean[i]) >= 0x80) {
                clean[i] = '?';
            }
        }
        return clean;
    }
    std::string out;
    out.reserve(clean.size() * 2);
    char* in = clean.data();
    std::size_t inLeft = clean.size();
    std::array<char, 256> buffer{};
    while (inLeft > 0) {
        char* to = buffer.data();
        std::size_t toLeft = buffer.size();
        const std::size_t done = ::iconv(cd.get(), &in, &inLeft, &to, &toLeft);
        out.append(buffer.data(), std::size_t(to - buffer.data()));
        if (done != std::size_t(-1) || errno == E2BIG) {
            continue;
        }
        // EILSEQ (invalid UTF-8, or a character the encoding lacks) or EINVAL (truncated at
        // the end): one '?' for the whole character, or for the single bad byte.
        const std::size_t at = std::size_t(in - clean.data());
        std::size_t skip = utf8::sequenceLength(clean, at);
        if (skip == 0) {
            skip = utf8::invalidLength(clean, at);
        }
        in += std::min(skip, inLeft);
        inLeft -= std::min(skip, inLeft);
        out.push_back('?');
        ::iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
    }
    char* to = buffer.data();
    std::size_t toLeft = buffer.size();
    ::iconv(cd.get(), nullptr, nullptr, &to, &toLeft);  // the end of a stateful encoding
    out.append(buffer.data(), std::size_t(to - buffer.data()));
    return out;
}

Result<std::vector<std::uint8_t>> EscPosRenderer::render(const TicketDocument& document) const {
    Writer out;
    out.command({ESC, '@'});
    if (m_profile.chineseMode) {
        out.command({FS, '&'});
    }
    if (m_profile.codePage) {
        out.command({ESC, 't', std::uint8_t(*m_profile.codePage)});
    }
    const int columns = m_profile.columns();
    for (const TicketElement& element : document.elements()) {
        if (const auto* line = std::get_if<TicketText>(&element)) {
            out.style(line->style);
            for (const std::string& piece :
                 wrapColumns(line->text, columns / widthScale(line->style.size))) {
                out.raw(encodeText(piece));
                out.command({LF});
            }
        } else if (const auto* code = std::get_if<TicketQr>(&element)) {
            Result<QrModules> modules = encodeQr(code->text);
            if (!modules) {
                return modules.error();
            }
            const bool native =
                m_profile.qr == QrSupport::Native && !holdsStatusRequest(code->text);
            const Result<int> moduleSize = fitQrModuleSize(code->moduleSize, modules->size,
                                                           m_profile.dotsPerLine, native ? 1 : 2);
            if (!moduleSize) {
                return moduleSize.error();
            }
            out.align(TextAlign::Centre);
            if (native) {
                nativeQr(out, code->text, *moduleSize);
            } else {
                rasterQr(out, *modules, *moduleSize, m_profile.dotsPerLine);
            }
        } else if (std::holds_alternative<TicketSeparator>(element)) {
            out.style({});
            out.raw(std::string(std::size_t(columns), '-'));
            out.command({LF});
        } else if (const auto* feed = std::get_if<TicketFeed>(&element)) {
            if (feed->lines > 0) {
                out.command({ESC, 'd', std::uint8_t(feed->lines)});
            }
        } else if (std::holds_alternative<TicketCut>(element)) {
            out.command({GS, 'V', 65, 0});
        }
    }
    return std::move(out.bytes());
}

}  // namespace vax
