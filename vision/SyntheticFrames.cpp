#define ZX_USE_UTF8 1
#include "vision/SyntheticFrames.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <cmath>
#include <map>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <random>

namespace vax {

namespace {

ZXing::BarcodeFormat zxingFormat(CodeFormat format) {
    switch (format) {
        case CodeFormat::QRCode:
            return ZXing::BarcodeFormat::QRCode;
        case CodeFormat::MicroQRCode:
            return ZXing::BarcodeFormat::MicroQRCode;
        case CodeFormat::PDF417:
            return ZXing::BarcodeFormat::PDF417;
        case CodeFormat::DataMatrix:
            return ZXing::BarcodeFormat::DataMatrix;
        case CodeFormat::Code128:
            return ZXing::BarcodeFormat::Code128;
        case CodeFormat::Aztec:
            return ZXing::BarcodeFormat::Aztec;
    }
    return ZXing::BarcodeFormat::QRCode;
}

cv::Mat background(cv::Size size, std::mt19937& rng) {
    // Low-frequency blotches over a gradient: a room behind the phone, not a flat colour.
    cv::Mat coarse(std::max(size.height / 40, 2), std::max(size.width / 40, 2), CV_8UC3);
    cv::randu(coarse, cv::Scalar::all(40), cv::Scalar::all(200));
    cv::GaussianBlur(coarse, coarse, cv::Size(0, 0), 0.7);
    cv::Mat bg;
    cv::resize(coarse, bg, size, 0, 0, cv::INTER_CUBIC);
    (void)rng;
    return bg;
}

// Sensor noise of the given sigma. The unit noise field is made once per frame size (random
// numbers are the slow part) and each frame takes it at its own offset.
void addNoise(cv::Mat& frame, double sigma, std::uint32_t seed) {
    constexpr int kSlack = 64;
    static std::mutex mutex;
    static std::map<std::pair<int, int>, cv::Mat> fields;
    cv::Mat field;
    {
        std::lock_guard lock(mutex);
        cv::Mat& cached = fields[{frame.cols, frame.rows}];
        if (cached.empty()) {
            cached.create(frame.rows + kSlack, frame.cols + kSlack, CV_32FC3);
            cv::randn(cached, 0, 1);
        }
        field = cached;
    }
    const cv::Rect at(int(seed % kSlack), int((seed / kSlack) % kSlack), frame.cols, frame.rows);
    cv::Mat noisy;
    frame.convertTo(noisy, CV_32FC3);
    cv::scaleAdd(field(at), sigma, noisy, noisy);
    noisy.convertTo(frame, CV_8UC3);
}

}  // namespace

cv::Mat renderCode(const std::string& text, CodeFormat format, int moduleSize) {
    ZXing::MultiFormatWriter writer(zxingFormat(format));
    writer.setMargin(format == CodeFormat::Code128 ? 10 : 2);
    if (format == CodeFormat::QRCode) {
        writer.setEccLevel(2);  // M, as on health-code screens and our tickets
    }
    const ZXing::BitMatrix bits = writer.encode(text, 0, 0);
    cv::Mat code(bits.height(), bits.width(), CV_8UC1);
    for (int y = 0; y < bits.height(); ++y) {
        for (int x = 0; x < bits.width(); ++x) {
            code.at<std::uint8_t>(y, x) = bits.get(x, y) ? 0 : 255;
        }
    }
    cv::Mat big;
    const int height = format == CodeFormat::Code128 ? 60 : code.rows * moduleSize;
    cv::resize(code, big, cv::Size(code.cols * moduleSize, height), 0, 0, cv::INTER_NEAREST);
    return big;
}

cv::Mat phoneFrame(const cv::Mat& code, const PhoneShot& shot) {
    std::mt19937 rng(shot.seed);
    cv::Mat frame = background(shot.frameSize, rng);

    // The phone: a dark body with a white screen; the code sits in the screen's middle.
    const double codeSide = shot.codeFraction * shot.frameSize.height;
    const double screenW = codeSide * 1.35;
    const double screenH = codeSide * 2.1;
    const double bezel = codeSide * 0.08;
    const cv::Size phoneSize(int(screenW + 2 * bezel), int(screenH + 2 * bezel));
    cv::Mat phone(phoneSize, CV_8UC3, cv::Scalar(25, 25, 30));
    const cv::Rect screen{int(bezel), int(bezel), int(screenW), int(screenH)};
    phone(screen).setTo(cv::Scalar(245, 245, 245));
    cv::Mat codeBgr;
    cv::cvtColor(code, codeBgr, cv::COLOR_GRAY2BGR);
    cv::resize(codeBgr, codeBgr, cv::Size(int(codeSide), int(codeSide * code.rows / code.cols)), 0,
               0, cv::INTER_AREA);
    const cv::Point codeAt(screen.x + (screen.width - codeBgr.cols) / 2,
                           screen.y + (screen.height - codeBgr.rows) / 2);
    codeBgr.copyTo(phone(cv::Rect(codeAt, codeBgr.size())));

    // Perspective: tilt the top edge away, rotate in-plane, place near the frame's centre.
    std::uniform_real_distribution<double> jitter(-0.08, 0.08);
    const double tilt = std::sin(shot.tiltDegrees * CV_PI / 180.0) * 0.35;
    const double w = phoneSize.width;
    const double h = phoneSize.height;
    std::vector<cv::Point2f> from{{0, 0}, {float(w), 0}, {float(w), float(h)}, {0, float(h)}};
    std::vector<cv::Point2f> to{
        {float(w * tilt), 0}, {float(w * (1 - tilt)), 0}, {float(w), float(h)}, {0, float(h)}};
    const cv::Point2f centre(float(shot.frameSize.width * (0.5 + jitter(rng))),
                             float(shot.frameSize.height * (0.5 + jitter(rng))));
    const double a = shot.rotateDegrees * CV_PI / 180.0;
    for (auto& p : to) {
        const cv::Point2f c = p - cv::Point2f(float(w / 2), float(h / 2));
        p = centre + cv::Point2f(float(c.x * std::cos(a) - c.y * std::sin(a)),
                                 float(c.x * std::sin(a) + c.y * std::cos(a)));
    }
    const cv::Mat m = cv::getPerspectiveTransform(from, to);
    cv::Mat warped;
    cv::Mat mask(phoneSize, CV_8UC1, cv::Scalar(255));
    cv::Mat warpedMask;
    cv::warpPerspective(phone, warped, m, shot.frameSize, cv::INTER_LINEAR);
    cv::warpPerspective(mask, warpedMask, m, shot.frameSize, cv::INTER_NEAREST);
    warped.copyTo(frame, warpedMask);

    if (shot.glare) {
        // A soft bright ellipse over one corner of the code; blurred on its own patch only.
        const cv::Point spot(int(centre.x + codeSide * 0.3), int(centre.y - codeSide * 0.4));
        const int r = int(codeSide * 0.6);
        const cv::Rect patch = cv::Rect(spot.x - r, spot.y - r, 2 * r, 2 * r) &
                               cv::Rect(0, 0, shot.frameSize.width, shot.frameSize.height);
        if (!patch.empty()) {
            cv::Mat light(patch.size(), CV_8UC3, cv::Scalar::all(0));
            cv::ellipse(light, spot - patch.tl(),
                        cv::Size(int(codeSide * 0.35), int(codeSide * 0.18)), 30, 0, 360,
                        cv::Scalar::all(70), -1);
            cv::GaussianBlur(light, light, cv::Size(0, 0), codeSide * 0.08);
            cv::Mat region = frame(patch);
            cv::add(region, light, region);
        }
    }
    if (shot.blurSigma > 0) {
        cv::GaussianBlur(frame, frame, cv::Size(0, 0), shot.blurSigma);
    }
    if (shot.noiseSigma > 0) {
        addNoise(frame, shot.noiseSigma, shot.seed);
    }
    return frame;
}

cv::Mat emptyFrame(cv::Size size, std::uint32_t seed) {
    std::mt19937 rng(seed);
    cv::Mat frame = background(size, rng);
    addNoise(frame, 6.0, seed);
    return frame;
}

cv::Mat tiltedLabelPhoto(const cv::Mat& code, double degrees, double scale, cv::Size size,
                         std::uint32_t seed) {
    std::mt19937 rng(seed);
    cv::Mat frame = background(size, rng);
    cv::Mat grey;
    cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
    cv::Mat label(code.rows + 40, code.cols + 40, CV_8UC1, cv::Scalar(250));
    code.copyTo(label(cv::Rect(20, 20, code.cols, code.rows)));
    const cv::Point2f centre(float(size.width) / 2, float(size.height) / 2);
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(float(label.cols) / 2, float(label.rows) / 2),
                                        degrees, scale);
    m.at<double>(0, 2) += centre.x - label.cols / 2.0;
    m.at<double>(1, 2) += centre.y - label.rows / 2.0;
    cv::Mat mask(label.size(), CV_8UC1, cv::Scalar(255));
    cv::Mat warped;
    cv::Mat warpedMask;
    cv::warpAffine(label, warped, m, size, cv::INTER_LINEAR);
    cv::warpAffine(mask, warpedMask, m, size, cv::INTER_NEAREST);
    warped.copyTo(grey, warpedMask);
    cv::GaussianBlur(grey, grey, cv::Size(0, 0), 0.8);
    return grey;
}

cv::Mat syntheticFace(cv::Size size, double faceWidthFraction) {
    cv::Mat image(size, CV_8UC3, cv::Scalar(90, 100, 110));
    const cv::Point c(size.width / 2, size.height / 2);
    const int fw = std::max(8, int(size.width * faceWidthFraction / 2));  // half-widths
    const int fh = int(fw * 1.3);
    const cv::Scalar dark(40, 45, 55);
    cv::ellipse(image, c + cv::Point(0, -fh / 8), cv::Size(int(fw * 1.05), int(fh * 0.9)), 0, 180,
                360, cv::Scalar(30, 30, 40), cv::FILLED);  // hair
    cv::ellipse(image, c, cv::Size(fw, fh), 0, 0, 360, cv::Scalar(150, 175, 215), cv::FILLED);
    const int eyeY = c.y - fh / 5;
    const int eyeX = int(fw * 0.42);
    for (const int side : {-1, 1}) {
        const cv::Point eye(c.x + side * eyeX, eyeY);
        cv::ellipse(image, eye - cv::Point(0, fh / 7), cv::Size(fw / 4, fh / 22), 0, 180, 360, dark,
                    std::max(2, fw / 32));  // brow
        cv::ellipse(image, eye, cv::Size(fw / 6, fh / 14), 0, 0, 360, cv::Scalar(250, 250, 250),
                    cv::FILLED);
        cv::circle(image, eye, fh / 16, cv::Scalar(30, 30, 30), cv::FILLED);
    }
    cv::line(image, cv::Point(c.x, eyeY), cv::Point(c.x - fw / 10, c.y + fh / 6),
             cv::Scalar(120, 140, 180), std::max(1, fw / 40));  // nose
    cv::ellipse(image, cv::Point(c.x, c.y + fh / 6), cv::Size(fw / 7, fh / 20), 0, 0, 180,
                cv::Scalar(110, 125, 160), cv::FILLED);
    cv::ellipse(image, cv::Point(c.x, c.y + fh * 2 / 5), cv::Size(fw / 3, fh / 12), 0, 0, 360,
                cv::Scalar(70, 70, 150), cv::FILLED);  // mouth
    cv::GaussianBlur(image, image, cv::Size(0, 0), size.width / 400.0 + 1.5);
    return image;
}

}  // namespace vax
