#include "devices/TicketImage.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string_view>

#include "core/Utf8.h"
#include "devices/QrModules.h"

#ifdef VAX_HAVE_CV_FREETYPE
#include <opencv2/freetype.hpp>
#endif

namespace vax {

namespace {

constexpr int kTopMargin = PrinterProfile::kCharHeight / 2;

#ifdef VAX_HAVE_CV_FREETYPE
cv::Ptr<cv::freetype::FreeType2> loadFont(const std::string& path, int index, std::string& why) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        why = "font file " + path + " not found";
        return {};
    }
    // A .ttc holds several faces; a plain .otf or .ttf has only face 0.
    for (const int face : {index, 0}) {
        try {
            cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
            font->loadFontData(path, face);
            return font;
        } catch (const cv::Exception& e) {
            why = "font file " + path + " could not be loaded: " + e.msg;
        }
    }
    return {};
}
#endif

// The text with every non-ASCII character (or stray byte) replaced by '?', for the fallback
// font, which has ASCII glyphs only.
std::string asciiOnly(std::string_view utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t length = std::max<std::size_t>(utf8::sequenceLength(utf8, i), 1);
        out.push_back(length == 1 && static_cast<unsigned char>(utf8[i]) < 0x80 ? utf8[i] : '?');
        i += length;
    }
    return out;
}

cv::Mat whiteStrip(int height, int width) {
    return cv::Mat(std::max(height, 0), width, CV_8UC1, cv::Scalar(255));
}

}  // namespace

struct TicketImage::Impl {
    std::string warning;
    std::mutex mutex;  // FreeType faces keep state while drawing
#ifdef VAX_HAVE_CV_FREETYPE
    cv::Ptr<cv::freetype::FreeType2> regular;
    cv::Ptr<cv::freetype::FreeType2> bold;
#endif

    // Ink of one line of text at the given height multiplier, not yet stretched: grey, as
    // wide as the text, 30 dots tall per height unit.
    cv::Mat drawText(const std::string& text, bool wantBold, int hs) {
        const int fontHeight = PrinterProfile::kCharHeight * hs;
        const int boxHeight = PrinterProfile::kLineHeight * hs;
#ifdef VAX_HAVE_CV_FREETYPE
        if (regular) {
            const cv::Ptr<cv::freetype::FreeType2>& font = wantBold && bold ? bold : regular;
            const bool overdraw = wantBold && !bold;
            int baseline = 0;
            const cv::Size size = font->getTextSize(text, fontHeight, -1, &baseline);
            if (size.width <= 0) {
                return whiteStrip(boxHeight, 1);
            }
            // FreeType2::putText draws on 3-channel images only; the origin is the line's top.
            cv::Mat colour(boxHeight, size.width + 2, CV_8UC3, cv::Scalar::all(255));
            font->putText(colour, text, cv::Point(0, 0), fontHeight, cv::Scalar::all(0), -1,
                          cv::LINE_AA, false);
            if (overdraw) {
                font->putText(colour, text, cv::Point(1, 0), fontHeight, cv::Scalar::all(0), -1,
                              cv::LINE_AA, false);
            }
            cv::Mat grey;
            cv::cvtColor(colour, grey, cv::COLOR_BGR2GRAY);
            return grey;
        }
#endif
        const std::string ascii = asciiOnly(text);
        const double scale = 0.8 * hs;
        const int thickness = wantBold ? 2 * hs : hs;
        int baseline = 0;
        const cv::Size size =
            cv::getTextSize(ascii, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &baseline);
        cv::Mat grey = whiteStrip(boxHeight, std::max(size.width + 2, 1));
        cv::putText(grey, ascii, cv::Point(0, fontHeight - 2 * hs), cv::FONT_HERSHEY_SIMPLEX, scale,
                    cv::Scalar(0), thickness, cv::LINE_AA);
        return grey;
    }

    cv::Mat textStrip(const TicketText& line, int width) {
        const int ws = widthScale(line.style.size);
        const int hs = heightScale(line.style.size);
        const int columns = width / PrinterProfile::kCharWidth / ws;
        cv::Mat out;
        for (const std::string& piece : wrapColumns(line.text, columns)) {
            cv::Mat ink = drawText(piece, line.style.bold, hs);
            // The font is drawn at the line's height; width scaling only where it differs.
            if (ws != hs) {
                cv::resize(ink, ink, cv::Size(std::max(ink.cols * ws / hs, 1), ink.rows), 0, 0,
                           cv::INTER_AREA);
            }
            if (ink.cols > width) {  // the preview font is wider than the printer's
                cv::resize(ink, ink, cv::Size(width, ink.rows), 0, 0, cv::INTER_AREA);
            }
            cv::Mat strip = whiteStrip(ink.rows, width);
            const int x = line.style.align == TextAlign::Centre ? (width - ink.cols) / 2 : 0;
            ink.copyTo(strip(cv::Rect(x, 0, ink.cols, ink.rows)));
            out.push_back(strip);
        }
        return out;
    }
};

TicketImage::TicketImage(TicketImageOptions options) : m_impl(std::make_unique<Impl>()) {
#ifdef VAX_HAVE_CV_FREETYPE
    m_impl->regular = loadFont(options.fontPath, options.fontIndex, m_impl->warning);
    if (m_impl->regular) {
        std::string ignored;
        m_impl->bold = loadFont(options.boldFontPath, options.fontIndex, ignored);
    } else {
        m_impl->warning += "; previews show Chinese text as '?'";
    }
#else
    (void)options;
    m_impl->warning =
        "OpenCV was built without its freetype module; previews show Chinese "
        "text as '?'";
#endif
}

TicketImage::~TicketImage() = default;

const std::string& TicketImage::warning() const {
    return m_impl->warning;
}

Result<cv::Mat> TicketImage::render(const TicketDocument& document,
                                    const PrinterProfile& profile) const {
    const int width = profile.dotsPerLine;
    cv::Mat page = whiteStrip(kTopMargin, width);
    try {
        const std::lock_guard lock(m_impl->mutex);
        for (const TicketElement& element : document.elements()) {
            if (const auto* line = std::get_if<TicketText>(&element)) {
                page.push_back(m_impl->textStrip(*line, width));
            } else if (const auto* code = std::get_if<TicketQr>(&element)) {
                Result<QrModules> modules = encodeQr(code->text);
                if (!modules) {
                    return modules.error();
                }
                // Two dots per module at least, as the printer's raster fallback.
                const Result<int> module =
                    fitQrModuleSize(code->moduleSize, modules->size, width, 2);
                if (!module) {
                    return module.error();
                }
                const int side = modules->size * *module;
                const int quiet = kQrQuietZone * *module;
                cv::Mat strip = whiteStrip(side + 2 * quiet, width);
                const int left = (width - side) / 2;
                for (int y = 0; y < modules->size; ++y) {
                    for (int x = 0; x < modules->size; ++x) {
                        if (modules->at(x, y)) {
                            strip(
                                cv::Rect(left + x * *module, quiet + y * *module, *module, *module))
                                .setTo(0);
                        }
                    }
                }
                page.push_back(strip);
            } else if (std::holds_alternative<TicketSeparator>(element)) {
                cv::Mat strip = whiteStrip(PrinterProfile::kLineHeight, width);
                const int y = PrinterProfile::kLineHeight / 2;
                for (int x = 0; x < width; x += PrinterProfile::kCharWidth) {
                    strip(cv::Rect(x + 2, y - 1, PrinterProfile::kCharWidth - 4, 2)).setTo(0);
                }
                page.push_back(strip);
            } else if (const auto* feed = std::get_if<TicketFeed>(&element)) {
                page.push_back(whiteStrip(feed->lines * PrinterProfile::kLineHeight, width));
            } else if (std::holds_alternative<TicketCut>(element)) {
                // A faint dotted line where the cutter will cut.
                cv::Mat strip = whiteStrip(4, width);
                for (int x = 0; x < width; x += 8) {
                    strip(cv::Rect(x, 2, 4, 1)).setTo(160);
                }
                page.push_back(strip);
            }
        }
    } catch (const cv::Exception& e) {
        return Error{"ticket preview could not be drawn: " + e.msg};
    }
    return page;
}

Result<std::vector<std::uint8_t>> TicketImage::png(const TicketDocument& document,
                                                   const PrinterProfile& profile) const {
    Result<cv::Mat> image = render(document, profile);
    if (!image) {
        return image.error();
    }
    std::vector<std::uint8_t> bytes;
    try {
        if (!cv::imencode(".png", *image, bytes)) {
            return Error{"PNG encoding of the ticket preview failed"};
        }
    } catch (const cv::Exception& e) {
        return Error{"PNG encoding of the ticket preview failed: " + e.msg};
    }
    return bytes;
}

Result<std::vector<std::uint8_t>> TicketImage::pdf(const TicketDocument& document,
                                                   const PrinterProfile& profile) const {
    Result<cv::Mat> image = render(document, profile);
    if (!image) {
        return image.error();
    }
    return pdfFromImage(*image, profile.dotsPerMm);
}

namespace {

// Points (1/72 inch) with two decimals, whatever the process's locale says about commas.
std::string points(int dots, int dotsPerMm) {
    const double value = dots / double(dotsPerMm) / 25.4 * 72.0;
    char text[32];
    const auto [end, ec] =
        std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 2);
    return ec == std::errc{} ? std::string(text, end) : std::string("0");
}

}  // namespace

Result<std::vector<std::uint8_t>> pdfFromImage(const cv::Mat& grey, int dotsPerMm) {
    if (grey.empty() || grey.type() != CV_8UC1 || dotsPerMm <= 0) {
        return Error{"PDF needs a non-empty 8-bit grey image and a resolution"};
    }
    const cv::Mat pixels = grey.isContinuous() ? grey : grey.clone();
    const uLong rawSize = uLong(pixels.total());
    uLongf packedSize = compressBound(rawSize);
    std::vector<std::uint8_t> packed(packedSize);
    if (compress2(packed.data(), &packedSize, pixels.data, rawSize, Z_BEST_COMPRESSION) != Z_OK) {
        return Error{"PDF image compression failed"};
    }
    packed.resize(packedSize);

    const std::string w = points(grey.cols, dotsPerMm);
    const std::string h = points(grey.rows, dotsPerMm);
    const std::string content = "q " + w + " 0 0 " + h + " 0 0 cm /Im1 Do Q\n";

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";  // a binary comment: "this is binary"
    std::vector<std::size_t> offsets;
    const auto object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + w + " " + h +
           "] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>");
    object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
           "endstream");
    object("<< /Type /XObject /Subtype /Image /Width " + std::to_string(grey.cols) + " /Height " +
           std::to_string(grey.rows) +
           " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " +
           std::to_string(packed.size()) + " >>\nstream\n" +
           std::string(packed.begin(), packed.end()) + "\nendstream");

    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);  // 20 bytes each
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return std::vector<std::uint8_t>(pdf.begin(), pdf.end());
}

}  // namespace vax
