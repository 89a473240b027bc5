#include "vision/PresenceDetector.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace vax {

struct PresenceDetector::Impl {
    cv::CascadeClassifier cascade;
    PresenceOptions options;
    cv::Mat grey;
    cv::Mat small;
};

std::filesystem::path PresenceDetector::defaultCascade() {
    return std::filesystem::path(VAX_HAAR_CASCADE_DIR) / "haarcascade_frontalface_default.xml";
}

Result<PresenceDetector> PresenceDetector::load(const PresenceOptions& options) {
    auto impl = std::make_shared<Impl>();
    impl->options = options;
    const std::filesystem::path path = options.cascade.empty() ? defaultCascade() : options.cascade;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return Error{"face cascade " + path.string() +
                     " not found (Debian package opencv-data provides it)"};
    }
    bool loaded = false;
    try {
        loaded = impl->cascade.load(path.string());
    } catch (const cv::Exception& e) {
        return Error{"face cascade " + path.string() + " cannot be read: " + e.what()};
    }
    if (!loaded || impl->cascade.empty()) {
        return Error{"face cascade " + path.string() + " is not a Haar cascade OpenCV can read"};
    }
    if (options.workWidth < 80 || options.minFaceFraction <= 0 || options.minFaceFraction >= 1) {
        return Error{"presence: work width must be at least 80 and the face fraction in (0, 1)"};
    }
    return PresenceDetector(std::move(impl));
}

std::vector<cv::Rect> PresenceDetector::faces(const cv::Mat& frame) {
    std::vector<cv::Rect> found;
    if (frame.empty()) {
        return found;
    }
    Impl& d = *m_impl;
    if (frame.channels() == 3) {
        cv::cvtColor(frame, d.grey, cv::COLOR_BGR2GRAY);
    } else if (frame.channels() == 4) {
        cv::cvtColor(frame, d.grey, cv::COLOR_BGRA2GRAY);
    } else {
        d.grey = frame;
    }
    const double scale = std::min(1.0, double(d.options.workWidth) / d.grey.cols);
    cv::resize(d.grey, d.small, cv::Size(), scale, scale, cv::INTER_AREA);
    // Backlit entrances: stretch the contrast so the cascade sees the eyes.
    cv::equalizeHist(d.small, d.small);
    const int minSide = std::max(24, int(d.small.cols * d.options.minFaceFraction));
    d.cascade.detectMultiScale(d.small, found, 1.1, d.options.minNeighbours, 0,
                               cv::Size(minSide, minSide));
    for (cv::Rect& r : found) {
        r = cv::Rect(int(r.x / scale), int(r.y / scale), int(r.width / scale),
                     int(r.height / scale));
    }
    std::sort(found.begin(), found.end(),
              [](const cv::Rect& a, const cv::Rect& b) { return a.area() > b.area(); });
    return found;
}

}  // namespace vax
