#include "Screenshotter.h"

#include <QImage>
#include <QQuickWindow>

namespace vax::app {

bool Screenshotter::save(QQuickWindow* window, const QString& path) {
    if (!window) {
        return false;
    }
    // grabWindow() renders the scene itself, so it works without a visible, exposed window.
    const QImage image = window->grabWindow();
    return !image.isNull() && image.save(path, "PNG");
}

}  // namespace vax::app
