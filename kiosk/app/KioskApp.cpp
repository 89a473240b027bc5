#include "KioskApp.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <limits>

#include "CameraFeed.h"
#include "DemoFrameSource.h"
#include "DemoMedia.h"
#include "DemoSeed.h"
#include "DemoUpstream.h"
#include "EntryFlow.h"
#include "EntryWorker.h"
#include "Language.h"
#include "LocalClock.h"
#include "OutboxPump.h"
#include "ReadSound.h"
#include "SitePump.h"
#include "SiteWorker.h"
#include "StaffWorker.h"
#include "WallWorker.h"
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
    delete m_staff;  // ends the session (audited) while its worker still runs
    m_staff = nullptr;
    m_staffThread.quit();
    m_staffThread.wait();
    delete m_status;  // stops its polls before the workers it asks go
    if (m_pump) {
        m_pump->cancel();  // an upload in progress ends now; the records stay pending
    }
    m_pumpThread.quit();
    m_pumpThread.wait();
    m_sitePumpThread.quit();  // a push in progress ends within the statement timeout
    m_sitePumpThread.wait();
    if (m_wallWorker) {
        m_wallWorker->stop();  // a wait for a call ends within a quarter second
    }
    m_wallThread.quit();
    m_wallThread.wait();
    if (m_camera) {
        m_camera->stop();
    }
    if (m_worker) {
        m_worker->cancelTemperature(std::numeric_limits<quint64>::max());  // whatever is queued
    }
    m_workerThread.quit();
    m_workerThread.wait();
    delete m_worker;  // its thread has finished; nothing else refers to it
    m_siteThread.quit();
    m_siteThread.wait();
    m_upstream.reset();  // the demo upstream, last: the pump talked to it
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
        QString upstreamUrl;
        if (options.demoUpstream) {
            m_upstream = std::make_unique<DemoUpstream>();
            upstreamUrl = m_upstream->startForDemo(folder);
        }
        auto demo =
            KioskDemo::prepare(folder.toStdString(), upstreamUrl.toStdString(),
                               options.role.isEmpty() ? "entry" : options.role.toStdString());
        if (!demo) {
            return QString::fromStdString(demo.error().message);
        }
        m_demo.emplace(std::move(demo).value());
        configPath = QString::fromStdString(m_demo->configPath().string());
        databasePath = QString::fromStdString(m_demo->databasePath().string());
        m_demoTicketsFolder = QString::fromStdString(m_demo->ticketsFolder().string());
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
    m_siteName = QString::fromStdString(config->site.name);
    m_role = QString::fromUtf8(toString(config->site.role).data(),
                               qsizetype(toString(config->site.role).size()));
    const std::string cameraSpec =
        options.camera.isEmpty() ? config->devices.camera : options.camera.toStdString();

    const Role role = config->site.role;
    createServices(*config, databasePath);
    m_staffWorker = new StaffWorker(*config, databasePath.toStdString());
    m_staffWorker->moveToThread(&m_staffThread);
    connect(&m_staffThread, &QThread::finished, m_staffWorker, &QObject::deleteLater);
    m_staffThread.setObjectName(QStringLiteral("staff-worker"));
    m_staffThread.start();
    m_staff = new StaffConsole(m_staffWorker, this);
    m_camera = new CameraFeed(this);
    if (role == Role::Entry) {
        m_worker = new EntryWorker(std::move(config).value(), databasePath.toStdString());
        m_worker->moveToThread(&m_workerThread);
        m_workerThread.setObjectName(QStringLiteral("entry-worker"));
        m_workerThread.start();
        m_flow = new EntryFlow(m_worker, rules, this);
        watchEntryWorker();
        QMetaObject::invokeMethod(m_worker, &EntryWorker::open, Qt::QueuedConnection);
        connect(m_camera, &CameraFeed::newCode, m_flow, &EntryFlow::acceptCode);
    }
    std::vector<DemoShot> demoShots;  // the demo station's or exit's camera
    if (role == Role::Station || role == Role::Exit || role == Role::Console) {
        if (QString error = startSiteRole(*config, databasePath, rules, demoShots);
            !error.isEmpty()) {
            return error;
        }
    }
    if (options.cameraEnabled) {
        if (m_demo && !demoShots.empty()) {
            m_camera->start(std::make_unique<DemoFrameSource>(std::move(demoShots)), scanning);
        } else if (m_demo) {
            const QString video = findDemoCameraVideo();
            if (video.isEmpty()) {
                return QStringLiteral(
                           "the demo camera's video (%1) is missing: build the "
                           "vaxkiosk_demo_media target, or set VAXKIOSK_DEMO_MEDIA "
                           "to the folder holding it")
                    .arg(QLatin1String(kDemoCameraVideoName));
            }
            FileOptions files;
            files.loop = true;  // the resident comes back, again and again
            m_camera->start(openVideoFile(video.toStdString(), files), scanning);
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

    if (role == Role::Board || role == Role::Callboard) {
        startWallScreen(*config);
    } else {
        startSitePump(*config, databasePath);
    }
    startServices();

    m_soundFolder = std::make_unique<QTemporaryDir>();
    if (m_soundFolder->isValid()) {
        m_readSoundUrl = writeReadTone(m_soundFolder->path());
    }

    m_language = new Language(this);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_language->setEngine(m_engine.get());
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    m_engine->addImageProvider(QStringLiteral("vaxcamera"),
                               new CameraImageProvider(m_camera->previewStore()));
    m_engine->setInitialProperties({{QStringLiteral("kiosk"), QVariant::fromValue(this)}});
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

void KioskApp::createServices(const KioskConfig& config, const QString& databasePath) {
    m_pump = new OutboxPump(config, databasePath.toStdString());
    m_pump->moveToThread(&m_pumpThread);
    connect(&m_pumpThread, &QThread::finished, m_pump, &QObject::deleteLater);
    m_pumpThread.setObjectName(QStringLiteral("outbox-pump"));
    m_pumpThread.start();

    StatusSources sources;
    sources.printerUri = config.devices.printer;
    sources.trustFile =
        config.network.jwksFile.empty() ? config.site.trustFile : config.network.jwksFile;
    m_status = new StatusBoard(sources, this);
    m_status->watchOutbox(m_pump);
}

void KioskApp::watchEntryWorker() {
    // The pump opens its journal connection once the worker has opened (and so migrated) it.
    connect(m_worker, &EntryWorker::opened, m_pump, &OutboxPump::start, Qt::SingleShotConnection);
    connect(m_worker, &EntryWorker::opened, m_staffWorker, &StaffWorker::open,
            Qt::SingleShotConnection);
    connect(m_worker, &EntryWorker::checkedIn, m_pump, &OutboxPump::drainSoon);
    m_status->watchEntryWorker(m_worker);
}

QString KioskApp::startSiteRole(const KioskConfig& config, const QString& databasePath,
                                const PayloadRules& rules, std::vector<DemoShot>& demoShots) {
    if (m_demo) {
        // Before the worker opens: the journal is the demo's, the morning already happened.
        auto seed = seedDemoJournal(config, databasePath.toStdString(), localNow().unixMs);
        if (!seed) {
            return QString::fromStdString("demo journal: " + seed.error().message);
        }
        demoShots = std::move(seed->shots);
    }
    m_siteWorker = new SiteWorker(config, databasePath.toStdString());
    m_siteWorker->moveToThread(&m_siteThread);
    connect(&m_siteThread, &QThread::finished, m_siteWorker, &QObject::deleteLater);
    // A staff console binds doses as the station does, in its Station page.
    const bool binds = config.site.role == Role::Station || config.site.role == Role::Console;
    m_siteThread.setObjectName(binds ? QStringLiteral("station-worker")
                                     : QStringLiteral("exit-worker"));
    m_siteThread.start();
    if (binds) {
        m_station = new StationFlow(m_siteWorker, rules, this);
        if (config.site.role == Role::Station) {  // a console's Station page passes them on
            connect(m_camera, &CameraFeed::newCode, m_station, &StationFlow::acceptCode);
        }
    } else {
        m_exit = new ExitFlow(m_siteWorker, rules, this);
        connect(m_camera, &CameraFeed::newCode, m_exit, &ExitFlow::acceptCode);
    }
    // The others open their journal connections once this worker has opened (migrated) it.
    connect(m_siteWorker, &SiteWorker::opened, m_pump, &OutboxPump::start,
            Qt::SingleShotConnection);
    connect(m_siteWorker, &SiteWorker::opened, m_staffWorker, &StaffWorker::open,
            Qt::SingleShotConnection);
    connect(m_siteWorker, &SiteWorker::recorded, m_pump, &OutboxPump::drainSoon);
    QMetaObject::invokeMethod(m_siteWorker, &SiteWorker::open, Qt::QueuedConnection);
    if (m_exit) {
        constexpr int kObservationPollMs = 30'000;
        QMetaObject::invokeMethod(
            m_siteWorker, [worker = m_siteWorker] { worker->pollObservation(kObservationPollMs); },
            Qt::QueuedConnection);
    }
    return {};
}

void KioskApp::startWallScreen(const KioskConfig& config) {
    m_wall = new WallScreen(QString::fromStdString(config.devices.callVoice), this);
    m_wallWorker = new WallWorker(config);
    m_wallWorker->moveToThread(&m_wallThread);
    connect(&m_wallThread, &QThread::finished, m_wallWorker, &QObject::deleteLater);
    connect(m_wallWorker, &WallWorker::snapshot, m_wall, &WallScreen::apply, Qt::QueuedConnection);
    m_wallThread.setObjectName(QStringLiteral("wall-screen"));
    m_wallThread.start();
    QMetaObject::invokeMethod(m_wallWorker, &WallWorker::start, Qt::QueuedConnection);
}

void KioskApp::startSitePump(const KioskConfig& config, const QString& databasePath) {
    if (config.siteServer.url.empty()) {
        return;  // a device alone: its journal is the whole record
    }
    m_sitePump = new SitePump(config, databasePath.toStdString());
    m_sitePump->moveToThread(&m_sitePumpThread);
    connect(&m_sitePumpThread, &QThread::finished, m_sitePump, &QObject::deleteLater);
    m_sitePumpThread.setObjectName(QStringLiteral("site-pump"));
    m_sitePumpThread.start();
    // After the device's worker opened (migrated) the journal, as the outbox pump does.
    if (m_worker) {
        connect(m_worker, &EntryWorker::opened, m_sitePump, &SitePump::start,
                Qt::SingleShotConnection);
        connect(m_worker, &EntryWorker::checkedIn, m_sitePump, &SitePump::syncSoon);
    } else if (m_siteWorker) {
        connect(m_siteWorker, &SiteWorker::opened, m_sitePump, &SitePump::start,
                Qt::SingleShotConnection);
        connect(m_siteWorker, &SiteWorker::recorded, m_sitePump, &SitePump::syncSoon);
    } else {
        QMetaObject::invokeMethod(m_sitePump, &SitePump::start, Qt::QueuedConnection);
    }
    m_status->watchSite(m_sitePump);
}

void KioskApp::startServices() {
    if (!m_worker && !m_siteWorker) {
        QMetaObject::invokeMethod(m_pump, &OutboxPump::start, Qt::QueuedConnection);
        QMetaObject::invokeMethod(m_staffWorker, &StaffWorker::open, Qt::QueuedConnection);
    }
    m_status->watchCamera(m_camera);
    m_status->start();
}

QString KioskApp::demoUpstreamUrl() const {
    return m_upstream ? m_upstream->baseUrl() : QString();
}

QQuickWindow* KioskApp::window() const {
    if (!m_engine || m_engine->rootObjects().isEmpty()) {
        return nullptr;
    }
    return qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
}

}  // namespace vax::app
