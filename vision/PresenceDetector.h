#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include <opencv2/core.hpp>

#include "core/Result.h"

namespace vax {

/// Settings for PresenceDetector.
struct PresenceOptions {
    /// A Haar cascade file; empty: OpenCV's frontal face cascade from Debian's opencv-data.
    std::filesystem::path cascade;
    /// Frames are shrunk to this width first: a face at the kiosk fills a good part of the
    /// view, and the cascade costs grow with the pixel count.
    int workWidth = 240;
    /// Smallest face, as a fraction of the work width (a person standing at the sensor,
    /// not a passer-by in the background).
    double minFaceFraction = 0.2;
    /// Overlapping hits a face needs; fewer gave false faces in textured empty scenes.
    int minNeighbours = 5;
};

/// Decides whether a person stands in front of the kiosk: a frontal face of a useful size in
/// the camera frame (OpenCV Haar cascade). Starts the temperature measurement; a scanned code
/// starts it too. Not thread-safe: one detector per thread.
class PresenceDetector {
public:
    /// Loads the cascade; an error names the file and what to install when it is missing.
    static Result<PresenceDetector> load(const PresenceOptions& options = {});

    /// The faces found in `frame` (BGR or grey), in frame coordinates, largest first.
    std::vector<cv::Rect> faces(const cv::Mat& frame);
    /// True when at least one face is found.
    bool present(const cv::Mat& frame) { return !faces(frame).empty(); }

    /// The cascade used when PresenceOptions::cascade is empty.
    static std::filesystem::path defaultCascade();

private:
    struct Impl;
    explicit PresenceDetector(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<Impl> m_impl;
};

}  // namespace vax
