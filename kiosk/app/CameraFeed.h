#pragma once

#include <QtQml/qqmlregistration.h>
#include <QImage>
#include <QObject>
#include <QQuickImageProvider>
#include <QString>
#include <QVariantList>
#include <memory>
#include <mutex>

#include "vision/ScanPipeline.h"

namespace vax::app {

/// The newest camera picture, shared between the capture thread (writes) and the QML image
/// loader (reads).
class PreviewStore {
public:
    void put(QImage image);
    QImage get() const;

private:
    mutable std::mutex m_mutex;
    QImage m_image;
};

/// "image://vaxcamera/<n>": the camera preview for QML, without QtMultimedia. Not "camera":
/// Qt Multimedia (loaded for the read tone) registers a provider by that name.
class CameraImageProvider : public QQuickImageProvider {
public:
    explicit CameraImageProvider(std::shared_ptr<PreviewStore> store);
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

private:
    std::shared_ptr<PreviewStore> m_store;
};

/// The camera for the screens: runs the vision pipeline (its own capture and decode threads),
/// publishes a small preview a few times a second, and reports codes. Two signals, as in KDE
/// Prison's scanner: codesInViewChanged for the overlay, newCode for the business action,
/// emitted once per confirmed code.
class CameraFeed : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the camera feed")
    Q_PROPERTY(int frameNumber READ frameNumber NOTIFY frameChanged)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(int codesInView READ codesInView NOTIFY codesInViewChanged)
    Q_PROPERTY(QVariantList codeOutlines READ codeOutlines NOTIFY codesInViewChanged)
    Q_PROPERTY(int readCount READ readCount NOTIFY codeRead)
    Q_PROPERTY(QString sourceMessage READ sourceMessage NOTIFY activeChanged)
    Q_PROPERTY(QString fault READ fault NOTIFY activeChanged)

public:
    explicit CameraFeed(QObject* parent = nullptr);
    ~CameraFeed() override;

    /// Starts reading `source`. Decoded texts are UTF-8.
    void start(std::unique_ptr<FrameSource> source, const PipelineOptions& options);
    /// Stops and joins the pipeline's threads.
    void stop();

    /// The preview the image provider serves.
    std::shared_ptr<PreviewStore> previewStore() const { return m_preview; }

    int frameNumber() const { return m_frameNumber; }
    bool active() const { return m_active; }
    int codesInView() const { return m_codesInView; }
    /// The codes on the newest decoded frame, for the overlay: each a list of four corners
    /// [x0, y0, ... x3, y3] as fractions of the frame's width and height.
    QVariantList codeOutlines() const { return m_outlines; }
    /// Confirmed reads so far: the screens flash a green frame when it changes.
    int readCount() const { return m_readCount; }
    QString sourceMessage() const { return m_sourceMessage; }
    /// Why capturing or decoding fails while the pipeline carries on (the camera is degraded);
    /// empty while it works.
    QString fault() const { return m_fault; }

Q_SIGNALS:
    void frameChanged();
    void activeChanged();
    void codesInViewChanged();
    /// A confirmed code, once per showing.
    void newCode(const QString& text);
    /// Emitted with newCode, for the "read" feedback.
    void codeRead();

private:
    void onPreview();
    void onCodesInView(const QVariantList& outlines);
    void onSourceStatus(bool ok, const QString& message);
    void onFault(const QString& fault);

    std::shared_ptr<PreviewStore> m_preview = std::make_shared<PreviewStore>();
    std::unique_ptr<ScanPipeline> m_pipeline;
    int m_frameNumber = 0;
    bool m_active = false;
    int m_codesInView = 0;
    QVariantList m_outlines;
    int m_readCount = 0;
    QString m_sourceMessage;
    QString m_fault;
};

}  // namespace vax::app
