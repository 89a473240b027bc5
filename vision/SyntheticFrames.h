#pragma once

#include <cstdint>
#include <string>

#include <opencv2/core.hpp>

#include "core/CodeFormat.h"

namespace vax {

// Synthetic pictures of codes: the demo's replayed camera and the tests' fixtures.

/// Renders `text` as a clean code image (black on white, with a quiet zone), `moduleSize`
/// pixels per module. Uses ZXing's writer.
cv::Mat renderCode(const std::string& text, CodeFormat format, int moduleSize = 6);

/// How a phone held up to the kiosk camera looks.
struct PhoneShot {
    cv::Size frameSize{1920, 1080};
    double codeFraction = 0.22;  ///< code width as a fraction of the frame height
    double tiltDegrees = 20;     ///< perspective tilt of the phone
    double rotateDegrees = 8;    ///< in-plane rotation
    double blurSigma = 1.0;
    double noiseSigma = 6.0;
    bool glare = true;
    std::uint32_t seed = 1;
};

/// A colour (BGR) frame: textured background, a phone with a bezel and a lit screen showing
/// `code`, warped in perspective, blurred, with noise and glare.
cv::Mat phoneFrame(const cv::Mat& code, const PhoneShot& shot);

/// A colour frame of the same kind of scene with no code in it.
cv::Mat emptyFrame(cv::Size size, std::uint32_t seed);

/// A drawn frontal face (skin oval, hair, brows, eyes, nose, mouth) centred in a frame of
/// `size`, `faceWidthFraction` of the frame wide, softly blurred. OpenCV's frontal face
/// cascade finds it: a person at the kiosk for presence tests, benchmarks and the demo.
cv::Mat syntheticFace(cv::Size size, double faceWidthFraction = 0.4);

/// A printed 1D label photographed at an angle: the code on white, rotated by `degrees`,
/// scaled, blurred, on a textured background.
cv::Mat tiltedLabelPhoto(const cv::Mat& code, double degrees, double scale, cv::Size size,
                         std::uint32_t seed);

}  // namespace vax
