#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

namespace vax::app {

/// The reference upstream (tools/vaxupstream) as a child process of the demo: the
/// health-code service and the records service on loopback, on a port the server picks. Not
/// needed for the demo to run: without it the demo checks signed codes offline and the outbox
/// waits. Lives on the UI thread; start() blocks until the server listens (tens of ms).
class DemoUpstream : public QObject {
    Q_OBJECT

public:
    explicit DemoUpstream(QObject* parent = nullptr);
    /// Stops the server (stop()).
    ~DemoUpstream() override;

    /// Where the vaxupstream binary is: $VAXKIOSK_UPSTREAM, else beside this executable, else
    /// the one this build made. Empty when none exists.
    static QString findBinary();

    /// Starts `binary` with its database in `folder` and the health codes of `seedJson`
    /// ({"codes": [...]}, written to `folder`/upstream-seed.json); waits up to `timeoutMs`
    /// for it to listen. Returns the base URL ("http://127.0.0.1:PORT"), or an empty string
    /// with error() set.
    QString start(const QString& binary, const QString& folder, const QByteArray& seedJson,
                  int timeoutMs = 5000);

    /// The demo's way: finds the binary, starts it in `folder` seeded with the demo
    /// resident's health code (KioskDemo::upstreamSeed) and says on stderr what became of it.
    /// Returns the base URL, or an empty string when the demo runs without an upstream.
    QString startForDemo(const QString& folder);

    /// Asks the server to stop (SIGTERM), waits for it, kills it if it does not stop.
    /// Idempotent.
    void stop();

    /// The base URL while running, else empty.
    QString baseUrl() const { return m_baseUrl; }
    /// Why start() failed, for stderr.
    QString error() const { return m_error; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }

private:
    QProcess m_process;
    QString m_baseUrl;
    QString m_error;
};

}  // namespace vax::app
