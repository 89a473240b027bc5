// App figures for "the kiosk itself". (a) Cold start of `vaxkiosk --demo` (offscreen, a fresh
// demo folder each launch, the demo upstream started too) to its first frame, against a bare Qt
// Quick window process (bare_window) launched the same way in the same run: the figure is a
// ratio. (b) Resident memory over 100 check-ins driven in-process through EntryFlow with the
// demo: health code and ID scanned, temperature on the simulated thermometer, nine answers,
// result (slip printed, outbox uploaded), restart. Prints two tables; run by scripts/bench.
//   app_bench [--runs N] [--checkins N] [--start-only | --memory-only]
//             [--without-printer] [--without-upstream]   (where does memory go?)
#include <QtQml/qqmlextensionplugin.h>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "EntryFlow.h"
#include "KioskApp.h"

Q_IMPORT_QML_PLUGIN(VaxKioskPlugin)

namespace {

using vax::app::EntryFlow;

struct Launch {
    double inProcessMs = -1;  ///< what the process says: from its start-up code to the frame
    double wallMs = -1;       ///< from spawn to the line on stderr
    int exitCode = -1;        ///< after SIGTERM: 0 when it shut down cleanly
};

// Starts `program` offscreen, waits for "first frame after N ms" on its stderr, then stops it
// with SIGTERM as a service manager would.
Launch launch(const QString& program, const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setReadChannel(QProcess::StandardError);
    static const QRegularExpression firstFrame(QStringLiteral("first frame after (\\d+) ms"));
    Launch out;
    QByteArray said;
    QElapsedTimer wall;
    wall.start();
    process.start(program, arguments);
    const QDeadlineTimer deadline(30000);
    while (out.wallMs < 0 && !deadline.hasExpired()) {
        if (!process.canReadLine() && !process.waitForReadyRead(100)) {
            if (process.state() == QProcess::NotRunning) {
                break;
            }
            continue;
        }
        while (process.canReadLine()) {
            const QByteArray line = process.readLine();
            said += line;
            const auto match = firstFrame.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                out.wallMs = double(wall.nsecsElapsed()) / 1e6;
                out.inProcessMs = match.captured(1).toDouble();
                break;
            }
        }
    }
    if (out.wallMs < 0) {
        std::fprintf(stderr, "app_bench: %s gave no first frame:\n%s%s\n", qPrintable(program),
                     said.constData(), process.readAllStandardError().constData());
    }
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(2000);
    }
    out.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return out;
}

double median(std::vector<double> v) {
    if (v.empty()) {
        return -1;
    }
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double maxOf(const std::vector<double>& v) {
    return v.empty() ? -1 : *std::max_element(v.begin(), v.end());
}

// VmRSS of this process, in MB.
double rssMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;
        }
    }
    return -1;
}

bool waitUntil(const std::function<bool()>& done, int ms) {
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // Outside exec() processEvents() leaves deleteLater() alone; the app's event loop
        // deletes those objects (old screens), so the bench must too.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

// One resident, as the screens drive the flow; false (with a reason on stderr) when stuck.
bool checkIn(vax::app::KioskApp& kiosk, bool printed) {
    EntryFlow* flow = kiosk.flow();
    const auto now = QDateTime::currentSecsSinceEpoch();
    flow->acceptCode(QString::fromStdString(kiosk.demo()->freshHealthCode(now)));
    if (!waitUntil([&] { return flow->healthCode() == QLatin1String("green"); }, 10000)) {
        std::fprintf(stderr, "app_bench: health code %s\n", qPrintable(flow->healthCode()));
        return false;
    }
    flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
    flow->proceed();
    if (!waitUntil([&] { return flow->state() == EntryFlow::State::Questions; }, 15000)) {
        std::fprintf(stderr, "app_bench: no questions (temperature %s)\n",
                     qPrintable(flow->temperatureState()));
        return false;
    }
    for (int i = 0; i < flow->questionCount(); ++i) {
        flow->answer(0);
    }
    if (!waitUntil([&] { return flow->resultReady(); }, 15000) ||
        flow->result().outcome != QLatin1String("proceed") || flow->result().printed != printed) {
        std::fprintf(stderr, "app_bench: result %s %s %s\n", qPrintable(flow->result().outcome),
                     qPrintable(flow->result().error), qPrintable(flow->result().printError));
        return false;
    }
    flow->restart();  // "Done"
    return true;
}

void coldStart(int runs) {
    std::vector<double> kioskWall, kioskIn, bareWall, bareIn;
    int unclean = 0;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir folder;
        // Interleaved, so a busy moment of the machine hits both.
        const Launch kiosk =
            launch(QStringLiteral(VAXKIOSK_PATH),
                   {QStringLiteral("--demo"), QStringLiteral("--demo-dir"), folder.path()});
        const Launch bare = launch(QStringLiteral(BARE_WINDOW_PATH), {});
        if (kiosk.wallMs >= 0) {
            kioskWall.push_back(kiosk.wallMs);
            kioskIn.push_back(kiosk.inProcessMs);
        }
        if (bare.wallMs >= 0) {
            bareWall.push_back(bare.wallMs);
            bareIn.push_back(bare.inProcessMs);
        }
        unclean += kiosk.exitCode != 0;
        std::fprintf(stderr, "  run %d: vaxkiosk %.0f ms (in-process %.0f), bare %.0f ms\n", i + 1,
                     kiosk.wallMs, kiosk.inProcessMs, bare.wallMs);
    }
    std::printf(
        "\nCold start to the first frame, offscreen, %d launches each (fresh demo folder, "
        "demo upstream started)\n",
        runs);
    std::printf("%-44s %12s %12s %14s %12s\n", "process", "wall p50 ms", "wall max ms",
                "in-proc p50 ms", "launched");
    std::printf("%-44s %12.0f %12.0f %14.0f %9zu/%d\n", "baseline: bare Qt Quick window",
                median(bareWall), maxOf(bareWall), median(bareIn), bareWall.size(), runs);
    std::printf("%-44s %12.0f %12.0f %14.0f %9zu/%d\n", "vaxkiosk --demo", median(kioskWall),
                maxOf(kioskWall), median(kioskIn), kioskWall.size(), runs);
    std::printf(
        "ratio vaxkiosk / baseline (wall p50): %.2f; target: vaxkiosk wall p50 <= 2000 ms "
        "(%s); clean exits after SIGTERM: %d/%d\n",
        median(kioskWall) / median(bareWall),
        median(kioskWall) >= 0 && median(kioskWall) <= 2000 ? "met" : "NOT met", runs - unclean,
        runs);
}

// What the memory run leaves out, to tell where memory goes.
struct Without {
    bool printer = false;   ///< the tickets folder is removed: nothing is rendered
    bool upstream = false;  ///< no demo upstream: no online checks, no uploads
};

int memory(int checkIns, Without without) {
    QTemporaryDir folder;
    vax::app::KioskApp kiosk;
    vax::app::AppOptions options;
    options.demo = true;
    options.demoFolder = folder.path();
    options.cameraEnabled = false;  // the bench shows the codes, as the camera would
    options.demoUpstream = !without.upstream;
    if (const QString error = kiosk.start(options); !error.isEmpty()) {
        std::fprintf(stderr, "app_bench: %s\n", qPrintable(error));
        return 1;
    }
    if (!waitUntil([&] { return kiosk.flow()->ready(); }, 10000)) {
        std::fprintf(stderr, "app_bench: kiosk not ready\n");
        return 1;
    }
    waitUntil([] { return false; }, 1000);  // first frames, the pump's first drain
    if (without.printer) {
        QDir(kiosk.demoTicketsFolder()).removeRecursively();
    }
    const double atStart = rssMb();
    double afterTen = atStart;
    QElapsedTimer took;
    took.start();
    for (int i = 1; i <= checkIns; ++i) {
        if (!checkIn(kiosk, !without.printer)) {
            std::fprintf(stderr, "app_bench: check-in %d failed\n", i);
            return 1;
        }
        if (i == 10) {
            afterTen = rssMb();
        }
    }
    waitUntil([] { return false; }, 2000);  // the last upload
    const double atEnd = rssMb();
    const double seconds = double(took.elapsed()) / 1000.0;
    std::printf(
        "\nResident memory (VmRSS) over %d check-ins in-process, demo, offscreen window "
        "(%.1f s per check-in, most of it the temperature step's pacing)\n",
        checkIns, seconds / checkIns);
    std::printf("%-36s %10s\n", "point", "RSS MB");
    std::printf("%-36s %10.1f\n", "ready, before the first check-in", atStart);
    std::printf("%-36s %10.1f\n", "after 10 check-ins", afterTen);
    std::printf("%-36s %10.1f\n", "after all check-ins", atEnd);
    std::printf(
        "growth per check-in: %.3f MB overall, %.3f MB after the first 10; target: RSS "
        "<= 200 MB (%s)\n",
        (atEnd - atStart) / checkIns, checkIns > 10 ? (atEnd - afterTen) / (checkIns - 10) : 0.0,
        atEnd <= 200 ? "met" : "NOT met");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    vax::app::configureApplication();
    int runs = 5;
    int checkIns = 100;
    bool start = true;
    bool mem = true;
    Without without;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--checkins") == 0 && i + 1 < argc) {
            checkIns = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--start-only") == 0) {
            mem = false;
        } else if (std::strcmp(argv[i], "--memory-only") == 0) {
            start = false;
        } else if (std::strcmp(argv[i], "--without-printer") == 0) {
            without.printer = true;
        } else if (std::strcmp(argv[i], "--without-upstream") == 0) {
            without.upstream = true;
        } else {
            std::fprintf(stderr,
                         "usage: app_bench [--runs N] [--checkins N] [--start-only | "
                         "--memory-only] [--without-printer] [--without-upstream]\n");
            return 2;
        }
    }
    if (start) {
        coldStart(runs);
    }
    return mem ? memory(checkIns, without) : 0;
}
