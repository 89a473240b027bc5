#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <memory>
#include <vector>

class QTemporaryDir;

namespace vax::app {
class StaffConsole;
}

namespace vax::test {

/// The backends the QML tests hand to the real screens, as the context property `backends`.
/// Each staff console is real (its StaffWorker checks PINs with Argon2 on its own QThread)
/// over a fresh demo site in a temporary folder: no devices, no camera, and no lockout or
/// session carried over from one test function to the next.
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
};

}  // namespace vax::test
