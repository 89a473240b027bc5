#include "DemoMedia.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace vax::app {

namespace {

QString videoIn(const QString& folder) {
    const QString path = folder + QLatin1Char('/') + QLatin1String(kDemoCameraVideoName);
    const QFileInfo info(path);
    return info.isFile() && info.size() > 0 ? info.absoluteFilePath() : QString();
}

}  // namespace

QString findDemoCameraVideo() {
    if (const QString folder = qEnvironmentVariable("VAXKIOSK_DEMO_MEDIA"); !folder.isEmpty()) {
        return videoIn(folder);  // named on purpose: no quiet fallback to another video
    }
    const QString installed = videoIn(QCoreApplication::applicationDirPath() +
                                      QStringLiteral("/../share/vaxkiosk/demo-media"));
    if (!installed.isEmpty()) {
        return installed;
    }
#ifdef VAX_DEMO_MEDIA_BUILD_DIR
    // The build tree's own video, named by CMake.
    return videoIn(QStringLiteral(VAX_DEMO_MEDIA_BUILD_DIR));
#else
    return {};
#endif
}

}  // namespace vax::app
