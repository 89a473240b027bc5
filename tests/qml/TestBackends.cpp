#include "TestBackends.h"

#include <QTemporaryDir>

#include "CameraFeed.h"
#include "EntryFlow.h"
#include "ExitFlow.h"
#include "FakeEntryBackend.h"
#include "FakeSiteBackend.h"
#include "KioskDemo.h"
#include "Language.h"
#include "StaffConsole.h"
#include "StaffWorker.h"
#include "StationFlow.h"
#include "config/KioskConfig.h"

namespace vax::test {

using vax::app::CameraFeed;
using vax::app::EntryFlow;
using vax::app::ExitFlow;
using vax::app::KioskDemo;
using vax::app::Language;
using vax::app::StaffConsole;
using vax::app::StaffWorker;
using vax::app::StationFlow;

namespace {

// The demo site's code formats (KioskDemo): its health-code service, "EID:" electronic IDs
// and "VK1:" tickets.
PayloadRules testPayloadRules() {
    PayloadRules rules;
    rules.healthCodeUrlPrefixes = {"https://hc.example.gov.cn/v/"};
    rules.eIdPrefixes = {"EID:"};
    return rules;
}

}  // namespace

TestBackends::TestBackends(QObject* parent) : QObject(parent) {}

TestBackends::~TestBackends() {
    // As KioskApp does: the console first (an open session is ended on the worker), then
    // the thread, whose finish deletes the worker; the folders go last.
    for (Site& site : m_sites) {
        delete site.console;
        site.thread->quit();
        site.thread->wait();
    }
}

QString TestBackends::staffPin() const {
    return QString::fromStdString(KioskDemo::staffPin());
}

void TestBackends::fail(const QString& why) {
    qWarning("TestBackends: %s", qPrintable(why));
    m_error = why;
    Q_EMIT errorChanged();
}

StaffConsole* TestBackends::staffConsole() {
    Site site;
    site.folder = std::make_unique<QTemporaryDir>();
    if (!site.folder->isValid()) {
        fail(QStringLiteral("no temporary folder"));
        return nullptr;
    }
    auto demo = KioskDemo::prepare(site.folder->path().toStdString());
    if (!demo) {
        fail(QString::fromStdString(demo.error().message));
        return nullptr;
    }
    auto config = loadKioskConfig(demo->configPath());
    if (!config) {
        fail(QString::fromStdString(config.error().message));
        return nullptr;
    }
    auto* worker = new StaffWorker(std::move(config).value(), demo->databasePath());
    site.thread = std::make_unique<QThread>();
    worker->moveToThread(site.thread.get());
    connect(site.thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    site.thread->setObjectName(QStringLiteral("staff-worker"));
    site.thread->start();
    // Parented here, so QML never garbage-collects a console its screens still use.
    site.console = new StaffConsole(worker, this);
    QMetaObject::invokeMethod(worker, &StaffWorker::open, Qt::QueuedConnection);
    StaffConsole* console = site.console;
    m_sites.push_back(std::move(site));
    return console;
}

FakeEntryBackend* TestBackends::entryBackend() {
    return new FakeEntryBackend(this);
}

FakeSiteBackend* TestBackends::siteBackend() {
    return new FakeSiteBackend(this);
}

EntryFlow* TestBackends::entryFlow(FakeEntryBackend* backend) {
    return backend ? new EntryFlow(backend, testPayloadRules(), this) : nullptr;
}

StationFlow* TestBackends::stationFlow(FakeSiteBackend* backend) {
    return backend ? new StationFlow(backend, testPayloadRules(), this) : nullptr;
}

ExitFlow* TestBackends::exitFlow(FakeSiteBackend* backend) {
    return backend ? new ExitFlow(backend, testPayloadRules(), this) : nullptr;
}

CameraFeed* TestBackends::camera() {
    if (!m_camera) {
        m_camera = new CameraFeed(this);
    }
    return m_camera;
}

Language* TestBackends::language() {
    if (!m_language) {
        // Installs its translation for as long as it lives, that is for this test file.
        m_language = new Language(this);
        m_language->setCode(QStringLiteral("en"));
    }
    return m_language;
}

}  // namespace vax::test
