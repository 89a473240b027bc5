#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <memory>
#include <vector>

class QTemporaryDir;

namespace vax::app {
class CameraFeed;
class EntryFlow;
class ExitFlow;
class Language;
class StaffConsole;
class StationFlow;
}  // namespace vax::app

namespace vax::test {

class FakeEntryBackend;
class FakeSiteBackend;

/// The backends the QML tests hand to the real screens, as the context property `backends`.
/// Each staff console is real (its StaffWorker checks PINs with Argon2 on its own QThread)
/// over a fresh demo site in a temporary folder: no devices, no camera, and no lockout or
/// session carried over from one test function to the next. The entry, station and exit
/// flows are real too, over fake workers the tests script (FakeEntryBackend,
/// FakeSiteBackend). Everything made here is owned here, so QML never collects a controller a
/// screen still uses.
class TestBackends : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString staffPin READ staffPin CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit TestBackends(QObject* parent = nullptr);
    /// Ends every console while its worker still runs, then stops the workers.
    ~TestBackends() override;

    /// The demo staff member's PIN (KioskDemo::staffPin()).
    QString staffPin() const;
    /// Why the last staffConsole() returned null.
    QString error() const { return m_error; }

    /// A new StaffConsole (owned here); its `ready` turns true once the worker has opened
    /// the journal. Null on failure, with `error` set.
    Q_INVOKABLE vax::app::StaffConsole* staffConsole();

    /// A new scripted entry worker; not ready until its open().
    Q_INVOKABLE vax::test::FakeEntryBackend* entryBackend();
    /// A new scripted station or exit worker; not ready until its open().
    Q_INVOKABLE vax::test::FakeSiteBackend* siteBackend();
    /// The real controllers over a scripted worker, with the demo site's code formats
    /// ("https://hc.example.gov.cn/v/" health codes, "EID:" electronic IDs, "VK1:" tickets).
    Q_INVOKABLE vax::app::EntryFlow* entryFlow(vax::test::FakeEntryBackend* backend);
    Q_INVOKABLE vax::app::StationFlow* stationFlow(vax::test::FakeSiteBackend* backend);
    Q_INVOKABLE vax::app::ExitFlow* exitFlow(vax::test::FakeSiteBackend* backend);
    /// A camera feed that is never started: the screens show its idle preview.
    Q_INVOKABLE vax::app::CameraFeed* camera();
    /// The screens' language, set to English (the source texts the tests compare with).
    Q_INVOKABLE vax::app::Language* language();

Q_SIGNALS:
    void errorChanged();

private:
    struct Site {
        std::unique_ptr<QTemporaryDir> folder;
        std::unique_ptr<QThread> thread;
        vax::app::StaffConsole* console = nullptr;
    };
    void fail(const QString& why);

    std::vector<Site> m_sites;
    QString m_error;
    vax::app::CameraFeed* m_camera = nullptr;
    vax::app::Language* m_language = nullptr;
};

}  // namespace vax::test
