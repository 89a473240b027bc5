#include "KioskApp.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>

#include "CameraFeed.h"
#include "DemoFrameSource.h"
#include "EntryFlow.h"
#include "EntryWorker.h"
#include "Language.h"
#include "LocalClock.h"
#include "config/KioskConfig.h"

namespace vax::app {

namespace {

QString envOr(const char* name, const char* fallback) {
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? QString::fromUtf8(fallback) : value;
}

PipelineOptions pipelineOptions(const KioskConfig& config) {
    PipelineOptions options;
    const auto formats = config.scanning.formats ? config.scanning.formats
                                                 : formatsForRole(toString(config.site.role));
    if (formats) {
        options.decode.formats = *formats;
    }
    options.confirm.window = std::chrono::milliseconds(config.scanning.confirmWindowMs);
    options.confirm.debounce = std::chrono::milliseconds(config.scanning.debounceMs);
    return options;
}

}  // namespace

void configureApplication() {
    // Basic: the lightest Controls style, and it draws what we tell it to (no platform look).
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setStyleHint(QFont::SansSerif);
    QGuiApplication::setFont(font);
}

KioskApp::KioskApp(QObject* parent) : QObject(parent) {}

KioskApp::~KioskApp() {
    // The window goes first: it refers to the controllers.
    m_engine.reset();
    if (m_camera) {
        m_camera->stop();
    }
    if (m_worker) {
        m_worker->cancelTemperature();
    }
    m_workerThread.quit();
    m_workerThread.wait();
    delete m_worker;  // its thread has finished; nothing else refers to it
}

QString KioskApp::start(const AppOptions& options) {
    m_started.start();
    QString configPath = options.configPath;
    QString databasePath = options.databasePath;
    if (options.demo) {
        QString folder = options.demoFolder;
        if (folder.isEmpty()) {
            m_demoFolder = std::make_unique<QTemporaryDir>();
            if (!m_demoFolder->isValid()) {
                return QStringLiteral("cannot create a temporary folder for the demo");
            }
            folder = m_demoFolder->path();
        }
        auto demo = KioskDemo::prepare(folder.toStdString());
        if (!demo) {
            return QString::fromStdString(demo.error().message);
        }
        m_demo.emplace(std::move(demo).value());
        configPath = QString::fromStdString(m_demo->configPath().string());
        databasePath = QString::fromStdString(m_demo->databasePath().string());
    }
    if (configPath.isEmpty()) {
        configPath = envOr("VAXKIOSK_CONFIG", "/etc/vaxkiosk/kiosk.toml");
    }
    if (databasePath.isEmpty()) {
        databasePath = envOr("VAXKIOSK_DB", "/var/lib/vaxkiosk/kiosk.db");
    }
    auto config = loadKioskConfig(configPath.toStdString());
    if (!config) {
        return QString::fromStdString(config.error().message);
    }
    const PayloadRules rules = config->scanning.rules;
    const PipelineOptions scanning = pipelineOptions(*config);
    const QString siteName = QString::fromStdString(config->site.name);
    const std::string cameraSpec =
        options.camera.isEmpty() ? config->devices.camera : options.camera.toStdString();

    m_worker = new EntryWorker(std::move(config).value(), databasePath.toStdString());
    m_worker->moveToThread(&m_workerThread);
    m_workerThread.setObjectName(QStringLiteral("entry-worker"));
    m_workerThread.start();
    m_flow = new EntryFlow(m_worker, rules, this);
    QMetaObject::invokeMethod(m_worker, &EntryWorker::open, Qt::QueuedConnection);

    m_camera = new CameraFeed(this);
    connect(m_camera, &CameraFeed::newCode, m_flow, &EntryFlow::acceptCode);
    if (options.cameraEnabled) {
        if (m_demo) {
            const KioskDemo demo = *m_demo;
            m_camera->start(std::make_unique<DemoFrameSource>(
                                [demo] { return demo.freshHealthCode(localNow().unixMs / 1000); },
                                KioskDemo::residentIdCode()),
                            scanning);
        } else if (!cameraSpec.empty()) {
            FileOptions files;
            files.loop = true;  // a replayed video keeps playing, like a camera
            auto source = openFrameSource(cameraSpec, files);
            if (!source) {
                return QString::fromStdString(source.error().message);
            }
            m_camera->start(std::move(source).value(), scanning);
        }
    }

    m_language = new Language(this);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_language->setEngine(m_engine.get());
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    m_engine->addImageProvider(QStringLiteral("camera"),
                               new CameraImageProvider(m_camera->previewStore()));
    m_engine->setInitialProperties({{QStringLiteral("flow"), QVariant::fromValue(m_flow)},
                                    {QStringLiteral("camera"), QVariant::fromValue(m_camera)},
                                    {QStringLiteral("language"), QVariant::fromValue(m_language)},
                                    {QStringLiteral("siteName"), siteName}});
    m_engine->load(QUrl(QStringLiteral("qrc:/VaxKiosk/Main.qml")));
    QQuickWindow* shown = window();
    if (!shown) {
        return QStringLiteral("the screens could not be loaded (see the messages above)");
    }
    connect(
        shown, &QQuickWindow::frameSwapped, this,
        [this] { Q_EMIT firstFrame(m_started.elapsed()); }, Qt::SingleShotConnection);
    return {};
}

QQuickWindow* KioskApp::window() const {
    if (!m_engine || m_engine->rootObjects().isEmpty()) {
        return nullptr;
    }
    return qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
}

}  // namespace vax::app
