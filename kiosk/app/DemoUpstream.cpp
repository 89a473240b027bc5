#include "DemoUpstream.h"

#include <sys/prctl.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <csignal>
#include <cstdio>

#include "KioskDemo.h"

namespace vax::app {

namespace {

bool isExecutable(const QString& path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

}  // namespace

DemoUpstream::DemoUpstream(QObject* parent) : QObject(parent) {}

DemoUpstream::~DemoUpstream() {
    stop();
}

QString DemoUpstream::findBinary() {
    const QString fromEnvironment = qEnvironmentVariable("VAXKIOSK_UPSTREAM");
    if (!fromEnvironment.isEmpty() && isExecutable(fromEnvironment)) {
        return fromEnvironment;
    }
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/vaxupstream");
    if (isExecutable(beside)) {
        return beside;
    }
#ifdef VAX_UPSTREAM_BUILD_PATH
    // The build tree's own server, named by CMake ($<TARGET_FILE:vaxupstream>).
    if (const QString built = QStringLiteral(VAX_UPSTREAM_BUILD_PATH); isExecutable(built)) {
        return built;
    }
#endif
    return {};
}

QString DemoUpstream::start(const QString& binary, const QString& folder,
                            const QByteArray& seedJson, int timeoutMs) {
    stop();
    m_error.clear();
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {  // the demo folder may not exist yet
        m_error = QStringLiteral("cannot create ") + folder;
        return {};
    }
    const QString seedPath = dir.filePath(QStringLiteral("upstream-seed.json"));
    // Written anew each start and read once by the server: no need to sync it to disk.
    QFile seed(seedPath);
    if (!seed.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        seed.write(seedJson) != seedJson.size() || !seed.flush()) {
        m_error = QStringLiteral("cannot write ") + seedPath;
        return {};
    }
    seed.close();
    m_process.setProgram(binary);
    m_process.setArguments({QStringLiteral("--db"), dir.filePath(QStringLiteral("upstream.db")),
                            QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                            seedPath});
    // Its complaints go where ours go; its stdout tells the port.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Runs in the child before exec: the server goes when this process goes, even when it is
    // killed without a chance to stop it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(QIODevice::ReadOnly);

    const QDeadlineTimer deadline(timeoutMs);
    if (!m_process.waitForStarted(int(deadline.remainingTime()))) {
        m_error = binary + QStringLiteral(": ") + m_process.errorString();
        return {};
    }
    static const QRegularExpression listening(QStringLiteral("listening on (https?://\\S+)"));
    while (!deadline.hasExpired()) {
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            if (const auto match = listening.match(line); match.hasMatch()) {
                m_baseUrl = match.captured(1);
                return m_baseUrl;
            }
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("vaxupstream exited with status %1 before listening")
                          .arg(m_process.exitCode());
            return {};
        }
        m_process.waitForReadyRead(int(qMax<qint64>(deadline.remainingTime(), 1)));
    }
    m_error = QStringLiteral("vaxupstream did not listen within %1 ms").arg(timeoutMs);
    stop();
    return {};
}

QString DemoUpstream::startForDemo(const QString& folder) {
    const QString binary = findBinary();
    if (binary.isEmpty()) {
        std::fprintf(stderr,
                     "vaxkiosk: no vaxupstream found (set VAXKIOSK_UPSTREAM, or build it): the "
                     "demo runs offline, signed health codes only, records stay in the outbox\n");
        return {};
    }
    const QString url = start(
        binary, folder,
        QByteArray::fromStdString(KioskDemo::upstreamSeed(QDateTime::currentSecsSinceEpoch())));
    if (url.isEmpty()) {
        std::fprintf(stderr,
                     "vaxkiosk: the demo upstream did not start (%s): the demo runs offline, "
                     "signed health codes only, records stay in the outbox\n",
                     qPrintable(m_error));
        return {};
    }
    std::fprintf(stderr,
                 "vaxkiosk: demo upstream %s at %s: health codes checked online, records "
                 "uploaded\n",
                 qPrintable(binary), qPrintable(url));
    return url;
}

void DemoUpstream::stop() {
    m_baseUrl.clear();
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    m_process.terminate();  // SIGTERM: the server stops listening and closes its database
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

}  // namespace vax::app
