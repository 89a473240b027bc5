#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QQuickWindow>
#include <QString>

namespace vax::app {

/// Saves what a window shows as a PNG, also without a display (QT_QPA_PLATFORM=offscreen):
/// the screenshot walk test and support ask for pictures of the screens.
class Screenshotter : public QObject {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit Screenshotter(QObject* parent = nullptr) : QObject(parent) {}

    /// Renders `window` now and writes it to `path`; false when either fails.
    Q_INVOKABLE static bool save(QQuickWindow* window, const QString& path);
};

}  // namespace vax::app
