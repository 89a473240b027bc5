#define ZX_USE_UTF8 1
#include "vision/BarcodeDecoder.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace vax {

namespace {

ZXing::BarcodeFormats toZxing(FormatSet formats) {
    ZXing::BarcodeFormats out;
    const std::pair<CodeFormat, ZXing::BarcodeFormat> map[] = {
        {CodeFormat::QRCode, ZXing::BarcodeFormat::QRCode},
        {CodeFormat::MicroQRCode, ZXing::BarcodeFormat::MicroQRCode},
        {CodeFormat::PDF417, ZXing::BarcodeFormat::PDF417},
        {CodeFormat::DataMatrix, ZXing::BarcodeFormat::DataMatrix},
        {CodeFormat::Code128, ZXing::BarcodeFormat::Code128},
        {CodeFormat::Aztec, ZXing::BarcodeFormat::Aztec},
    };
    for (const auto& [ours, theirs] : map) {
        if (formats.has(ours)) {
            out |= theirs;
        }
    }
    return out;
}

std::optional<CodeFormat> fromZxing(ZXing::BarcodeFormat format) {
    switch (format) {
        case ZXing::BarcodeFormat::QRCode:
            return CodeFormat::QRCode;
        case ZXing::BarcodeFormat::MicroQRCode:
            return CodeFormat::MicroQRCode;
        case ZXing::BarcodeFormat::PDF417:
            return CodeFormat::PDF417;
        case ZXing::BarcodeFormat::DataMatrix:
            return CodeFormat::DataMatrix;
        case ZXing::BarcodeFormat::Code128:
            return CodeFormat::Code128;
        case ZXing::BarcodeFormat::Aztec:
            return CodeFormat::Aztec;
        default:
            return std::nullopt;
    }
}

// GS1 content keeps its symbology identifier so the payload classifier can tell a GS1 string
// from plain text, as a hardware scanner configured with AIM ids sends it.
bool isGs1(const std::string& symbology) {
    return symbology == "]d2" || symbology == "]C1" || symbology == "]Q3" || symbology == "]z1";
}

ZXing::DecodeHints hintsFor(FormatSet formats) {
    ZXing::DecodeHints hints;
    hints.setFormats(toZxing(formats));
    hints.setTryDownscale(false);  // see decodeGrey: Debian's 1.4.0 asserts with it
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    return hints;
}

// Runs ZXing on `image` (a view into a grey frame) and maps the outlines back into the
// frame: scaled by `scale`, shifted by `offset`.
void readInto(const cv::Mat& image, const ZXing::DecodeHints& hints, float scale,
              cv::Point2f offset, std::vector<DecodedCode>& out) {
    if (image.empty()) {
        return;
    }
    const ZXing::ImageView view(image.data, image.cols, image.rows, ZXing::ImageFormat::Lum,
                                int(image.step[0]));
    for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
        const auto format = fromZxing(r.format());
        if (!r.isValid() || !format) {
            continue;
        }
        DecodedCode code;
        const std::string symbology = r.symbologyIdentifier();
        code.text = isGs1(symbology) ? symbology + r.text() : r.text();
        code.format = *format;
        const auto& p = r.position();
        for (std::size_t i = 0; i < 4; ++i) {
            code.corners[i] = cv::Point2f(float(p[i].x) * scale, float(p[i].y) * scale) + offset;
        }
        out.push_back(std::move(code));
    }
}

cv::Mat downscaled(const cv::Mat& grey, int longSide, float& scale) {
    const int side = std::max(grey.cols, grey.rows);
    if (side <= longSide) {
        scale = 1.0f;
        return grey;
    }
    scale = float(side) / float(longSide);
    cv::Mat small;
    cv::resize(grey, small, cv::Size(), 1.0 / scale, 1.0 / scale, cv::INTER_AREA);
    // Map back with the exact factor the resize produced.
    scale = float(grey.cols) / float(small.cols);
    return small;
}

}  // namespace

cv::Rect DecodedCode::bounds() const {
    std::vector<cv::Point2f> points(corners.begin(), corners.end());
    return cv::boundingRect(points);
}

cv::Mat toGrey(const cv::Mat& image) {
    if (image.channels() == 1) {
        return image;
    }
    cv::Mat grey;
    cv::cvtColor(image, grey, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    return grey;
}

DecodeResult decodeGrey(const cv::Mat& grey, const DecodeOptions& options,
                        const std::optional<cv::Rect>& hint) {
    DecodeResult result;
    if (grey.empty() || grey.type() != CV_8UC1 || options.formats.empty()) {
        return result;
    }
    const ZXing::DecodeHints hints = hintsFor(options.formats);
    const cv::Rect frame(0, 0, grey.cols, grey.rows);

    if (hint && !hint->empty()) {
        // The code is likely where it was: look at that region, grown by half on each side.
        const int growX = std::max(hint->width / 2, 32);
        const int growY = std::max(hint->height / 2, 32);
        const cv::Rect roi = cv::Rect(hint->x - growX, hint->y - growY, hint->width + 2 * growX,
                                      hint->height + 2 * growY) &
                             frame;
        if (!roi.empty() && roi.area() < frame.area() / 2) {
            float scale = 1.0f;
            const cv::Mat region = downscaled(grey(roi), options.downscaledLongSide, scale);
            readInto(region, hints, scale, cv::Point2f(float(roi.x), float(roi.y)), result.codes);
            if (!result.codes.empty()) {
                result.pass = DecodePass::RegionOfInterest;
                return result;
            }
        }
    }

    float scale = 1.0f;
    const cv::Mat small = downscaled(grey, options.downscaledLongSide, scale);
    readInto(small, hints, scale, {}, result.codes);
    if (!result.codes.empty()) {
        result.pass = DecodePass::Downscaled;
        return result;
    }
    if (options.fullResolution && small.data != grey.data) {
        readInto(grey, hints, 1.0f, {}, result.codes);
        if (!result.codes.empty()) {
            result.pass = DecodePass::FullResolution;
            return result;
        }
    }
    const int coarseSide = std::min(options.coarseLongSide, std::max(small.cols, small.rows) - 1);
    if (coarseSide > 0) {
        const cv::Mat coarse = downscaled(grey, coarseSide, scale);
        readInto(coarse, hints, scale, {}, result.codes);
        if (!result.codes.empty()) {
            result.pass = DecodePass::Coarse;
            return result;
        }
    }
    if (options.tryInverted) {
        float smallScale = 1.0f;
        const cv::Mat inverted = 255 - downscaled(grey, options.downscaledLongSide, smallScale);
        readInto(inverted, hints, smallScale, {}, result.codes);
        if (!result.codes.empty()) {
            result.pass = DecodePass::Inverted;
        }
    }
    return result;
}

std::vector<DecodedCode> decodePlainZxing(const cv::Mat& grey, FormatSet formats) {
    ZXing::DecodeHints hints;  // ZXing's defaults, its own downscaling included
    hints.setFormats(toZxing(formats));
    std::vector<DecodedCode> out;
    readInto(grey, hints, 1.0f, {}, out);
    return out;
}

}  // namespace vax
