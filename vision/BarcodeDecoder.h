#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/CodeFormat.h"

namespace vax {

/// One code found in an image, with its outline in the image's own pixel coordinates.
struct DecodedCode {
    std::string text;  ///< UTF-8; GS1 codes start with their symbology id, e.g. "]d2"
    CodeFormat format = CodeFormat::QRCode;
    std::array<cv::Point2f, 4> corners{};  ///< top-left, top-right, bottom-right, bottom-left
    cv::Rect bounds() const;
};

/// Which pass found the codes, cheapest first.
enum class DecodePass { None, RegionOfInterest, Downscaled, FullResolution, Coarse, Inverted };

struct DecodeOptions {
    FormatSet formats = kAllFormats;
    /// Long side, in pixels, of the downscaled first pass over the whole frame.
    int downscaledLongSide = 960;
    /// Run the full-resolution pass when the cheaper ones find nothing.
    bool fullResolution = true;
    /// Long side of the last, coarse pass: some blurred or moire-laden photos read only
    /// smaller (their modules average out). 0 turns it off.
    int coarseLongSide = 480;
    /// Last, the downscaled image inverted: light codes on dark screens (phones in dark mode).
    bool tryInverted = true;
};

struct DecodeResult {
    std::vector<DecodedCode> codes;
    DecodePass pass = DecodePass::None;
};

/// Decodes the codes in a grey (CV_8UC1) image. Passes, cheapest first, stopping at the first
/// that finds something: the region around `hint` (the last hit) at full resolution, the whole
/// image downscaled, the whole image at full resolution, the whole image coarse, and the
/// downscaled image inverted. ZXing's own
/// downscaling is never used: in Debian's 1.4.0 it can abort the process on tilted 1D codes.
DecodeResult decodeGrey(const cv::Mat& grey, const DecodeOptions& options,
                        const std::optional<cv::Rect>& hint = std::nullopt);

/// ZXing on the image as it is, with its defaults: the baseline our benchmark compares with.
/// Not for production use (see decodeGrey).
std::vector<DecodedCode> decodePlainZxing(const cv::Mat& grey, FormatSet formats);

/// Converts a BGR, BGRA or grey image to grey once (shares the data when already grey).
cv::Mat toGrey(const cv::Mat& image);

}  // namespace vax
