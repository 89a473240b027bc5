#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/Result.h"
#include "devices/PrinterProfile.h"
#include "devices/TicketDocument.h"

namespace vax {

/// Fonts for ticket previews.
struct TicketImageOptions {
    /// A font with Chinese glyphs (Debian: fonts-noto-cjk).
    std::string fontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /// Its bold weight; when missing, bold lines are drawn twice, one dot apart.
    std::string boldFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    /// Face inside a .ttc collection: 2 is Simplified Chinese in Noto Sans CJK; 0 for .otf.
    int fontIndex = 2;
};

/// Draws a TicketDocument as the printer would print it, one pixel per printer dot: a grey
/// image as wide as the profile's printable line, black on white. Also makes PNG and PDF
/// files of it, for `png:` and `pdf:` printers and for staff screens.
///
/// Without the CJK font (or without OpenCV's freetype module) text is drawn with OpenCV's
/// built-in font, Chinese characters as '?', and warning() says so. Thread-safe.
class TicketImage {
public:
    /// Loads the fonts; never fails (see warning()).
    explicit TicketImage(TicketImageOptions options = {});
    ~TicketImage();
    TicketImage(const TicketImage&) = delete;
    TicketImage& operator=(const TicketImage&) = delete;

    /// Empty when the CJK font is in use; otherwise why previews show only ASCII text.
    const std::string& warning() const;

    /// The ticket as a CV_8UC1 image `profile.dotsPerLine` wide. An error only when a QR
    /// code cannot be made (too long, or too wide for the paper).
    Result<cv::Mat> render(const TicketDocument& document, const PrinterProfile& profile) const;

    /// render() as PNG file bytes.
    Result<std::vector<std::uint8_t>> png(const TicketDocument& document,
                                          const PrinterProfile& profile) const;

    /// render() as a one-page PDF the size of the printed ticket.
    Result<std::vector<std::uint8_t>> pdf(const TicketDocument& document,
                                          const PrinterProfile& profile) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A minimal PDF 1.4 file: one page the size of `grey` (a CV_8UC1 image) printed at
/// `dotsPerMm`, showing it as a DeviceGray image, compressed with Flate.
Result<std::vector<std::uint8_t>> pdfFromImage(const cv::Mat& grey, int dotsPerMm);

}  // namespace vax
