#include "TestBackends.h"

#include <QTemporaryDir>

#include "KioskDemo.h"
#include "StaffConsole.h"
#include "StaffWorker.h"
#include "config/KioskConfig.h"

namespace vax::test {

using vax::app::KioskDemo;
using vax::app::StaffConsole;
using vax::app::StaffWorker;

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

}  // namespace vax::test
