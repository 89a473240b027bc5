#include "CameraFeed.h"

#include <opencv2/imgproc.hpp>

namespace vax::app {

namespace {

// Wraps the real source and copies a small picture of every few frames for the screen. Runs
// on the capture thread, costs a resize, and never holds up capture for the UI.
class PreviewTee : public FrameSource {
public:
    PreviewTee(std::unique_ptr<FrameSource> inner, std::function<void(QImage)> preview)
        : m_inner(std::move(inner)), m_preview(std::move(preview)) {}

    std::optional<Frame> next() override {
        auto frame = m_inner->next();
        const auto now = std::chrono::steady_clock::now();
        if (frame && !frame->image.empty() && now - m_lastPreview >= kPreviewPeriod) {
            m_lastPreview = now;
            m_preview(toPreview(frame->image));
        }
        return frame;
    }
    SourceStatus status() const override { return m_inner->status(); }
    std::string name() const override { return m_inner->name(); }

private:
    static constexpr std::chrono::milliseconds kPreviewPeriod{100};

    static QImage toPreview(const cv::Mat& image) {
        const double scale = 480.0 / std::max(image.cols, 1);
        cv::Mat small;
        cv::resize(image, small, cv::Size(), scale, scale, cv::INTER_AREA);
        cv::Mat rgb;
        if (small.channels() == 1) {
            cv::cvtColor(small, rgb, cv::COLOR_GRAY2RGB);
        } else {
            cv::cvtColor(small, rgb, cv::COLOR_BGR2RGB);
        }
        // copy(): the QImage must own its pixels once the Mat is gone
        return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
    }

    std::unique_ptr<FrameSource> m_inner;
    std::function<void(QImage)> m_preview;
    std::chrono::steady_clock::time_point m_lastPreview{};
};

// Corners as fractions of the frame, so the overlay fits however the preview is scaled.
QVariantList outlinesOf(const CodesInView& seen) {
    QVariantList outlines;
    if (seen.frameSize.width <= 0 || seen.frameSize.height <= 0) {
        return outlines;
    }
    for (const DecodedCode& code : seen.codes) {
        QVariantList corners;
        for (const cv::Point2f& p : code.corners) {
            corners.append(double(p.x) / seen.frameSize.width);
            corners.append(double(p.y) / seen.frameSize.height);
        }
        outlines.append(QVariant(corners));
    }
    return outlines;
}

}  // namespace

void PreviewStore::put(QImage image) {
    std::lock_guard lock(m_mutex);
    m_image = std::move(image);
}

QImage PreviewStore::get() const {
    std::lock_guard lock(m_mutex);
    return m_image;
}

CameraImageProvider::CameraImageProvider(std::shared_ptr<PreviewStore> store)
    : QQuickImageProvider(QQuickImageProvider::Image), m_store(std::move(store)) {}

QImage CameraImageProvider::requestImage(const QString&, QSize* size, const QSize& requestedSize) {
    QImage image = m_store->get();
    if (image.isNull()) {
        image = QImage(480, 270, QImage::Format_RGB888);
        image.fill(Qt::black);
    }
    if (size) {
        *size = image.size();
    }
    // A requested size may give only one side (or none): never answer with an empty image.
    if (requestedSize.width() > 0 && requestedSize.height() > 0) {
        return image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    if (requestedSize.width() > 0) {
        return image.scaledToWidth(requestedSize.width(), Qt::SmoothTransformation);
    }
    if (requestedSize.height() > 0) {
        return image.scaledToHeight(requestedSize.height(), Qt::SmoothTransformation);
    }
    return image;
}

CameraFeed::CameraFeed(QObject* parent) : QObject(parent) {}

CameraFeed::~CameraFeed() {
    stop();
}

void CameraFeed::start(std::unique_ptr<FrameSource> source, const PipelineOptions& options) {
    stop();
    auto preview = m_preview;
    auto tee = std::make_unique<PreviewTee>(std::move(source), [this, preview](QImage image) {
        preview->put(std::move(image));
        QMetaObject::invokeMethod(this, &CameraFeed::onPreview, Qt::QueuedConnection);
    });
    PipelineCallbacks callbacks;
    callbacks.codesInView = [this](const CodesInView& seen) {  // decode thread
        const QVariantList outlines = outlinesOf(seen);
        QMetaObject::invokeMethod(
            this, [this, outlines] { onCodesInView(outlines); }, Qt::QueuedConnection);
    };
    callbacks.newCode = [this](const ScannedCode& code) {  // decode thread
        const QString text = QString::fromStdString(code.text);
        QMetaObject::invokeMethod(
            this,
            [this, text] {
                ++m_readCount;
                Q_EMIT codeRead();
                Q_EMIT newCode(text);
            },
            Qt::QueuedConnection);
    };
    callbacks.sourceStatus = [this](const SourceStatus& status) {  // capture thread
        const bool ok = status.state == SourceState::Ok;
        const QString message = QString::fromStdString(status.message);
        QMetaObject::invokeMethod(
            this, [this, ok, message] { onSourceStatus(ok, message); }, Qt::QueuedConnection);
    };
    callbacks.health = [this](const DeviceHealth& health) {  // capture or decode thread
        const QString fault = health.state == DeviceState::Degraded
                                  ? QString::fromStdString(health.message)
                                  : QString();
        QMetaObject::invokeMethod(
            this, [this, fault] { onFault(fault); }, Qt::QueuedConnection);
    };
    m_pipeline = std::make_unique<ScanPipeline>(std::move(tee), options, std::move(callbacks));
    m_pipeline->start();
    onSourceStatus(true, QString());
}

void CameraFeed::stop() {
    if (m_pipeline) {
        m_pipeline->stop();
        m_pipeline.reset();
    }
}

void CameraFeed::onPreview() {
    ++m_frameNumber;
    Q_EMIT frameChanged();
}

void CameraFeed::onCodesInView(const QVariantList& outlines) {
    if (outlines.isEmpty() && m_outlines.isEmpty()) {
        return;  // nothing in view, still: no repaint
    }
    m_codesInView = int(outlines.size());
    m_outlines = outlines;
    Q_EMIT codesInViewChanged();
}

void CameraFeed::onFault(const QString& fault) {
    if (fault == m_fault) {
        return;
    }
    m_fault = fault;
    Q_EMIT activeChanged();
}

void CameraFeed::onSourceStatus(bool ok, const QString& message) {
    if (ok == m_active && message == m_sourceMessage) {
        return;
    }
    m_active = ok;
    m_sourceMessage = message;
    Q_EMIT activeChanged();
}

}  // namespace vax::app
