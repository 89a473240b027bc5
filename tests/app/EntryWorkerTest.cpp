// The entry worker on its own QThread over the demo site's real journal: a temperature check
// cancelled while it still waits in the worker's queue is never measured, and a thermometer
// that throws ends in an answer the screen can show, not in a dead thread.
#include <gtest/gtest.h>

#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <optional>
#include <stdexcept>
#include <utility>

#include "AppTestSupport.h"
#include "EntryWorker.h"
#include "KioskDemo.h"
#include "config/KioskConfig.h"
#include "core/Questionnaire.h"
#include "store/Journal.h"

namespace vax::app {
namespace {

using test::waitUntil;

// Throws at every reading, as a buggy driver might.
class ThrowingThermometer final : public Thermometer {
public:
    Result<ThermometerSample, SensorFault> read(std::chrono::milliseconds) override {
        throw std::runtime_error("driver bug: bus state lost");
    }
    std::string sensorId() const override { return "test:throwing"; }
    std::optional<double> emissivity() override { return std::nullopt; }
    DeviceHealth health() const override { return {DeviceState::Ok, "fine"}; }
};

// The worker on a thread of its own, as KioskApp runs it, and what it answered.
class WorkerRun {
public:
    explicit WorkerRun(std::unique_ptr<Thermometer> thermometer = nullptr) {
        auto demo = KioskDemo::prepare(m_folder.path().toStdString());
        EXPECT_TRUE(demo) << demo.error().message;
        m_databasePath = demo->databasePath();
        auto config = loadKioskConfig(demo->configPath());
        EXPECT_TRUE(config) << config.error().message;
        m_worker = new EntryWorker(std::move(config).value(), demo->databasePath());
        if (thermometer) {
            m_worker->useThermometer(std::move(thermometer));
        }
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        QObject::connect(m_worker, &EntryBackend::opened, &m_context,
                         [this](const QString& error) { m_openError = error; });
        QObject::connect(m_worker, &EntryBackend::measurementTaken, &m_context,
                         [this](quint64 session) { m_measured.append(session); });
        QObject::connect(m_worker, &EntryBackend::checkedIn, &m_context,
                         [this](quint64 session, const CheckInResult& result) {
                             m_checkedIn.append(std::make_pair(session, result));
                         });
        QObject::connect(m_worker, &EntryBackend::temperatureFinished, &m_context,
                         [this](quint64 session, const TemperatureResult& result) {
                             m_finished.append(std::make_pair(session, result));
                         });
        m_thread.start();
        QMetaObject::invokeMethod(m_worker, &EntryWorker::open, Qt::QueuedConnection);
        EXPECT_TRUE(waitUntil([&] { return m_openError.has_value(); }, 10000));
        EXPECT_EQ(m_openError.value_or(QStringLiteral("no answer")), QString());
    }
    ~WorkerRun() {
        m_thread.quit();
        m_thread.wait();
    }

    EntryWorker* worker() { return m_worker; }
    void measure(quint64 session) {
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, session] { w->measureTemperature(session); },
            Qt::QueuedConnection);
    }
    // The worker's thread waits for release() before it handles what is queued after this.
    void hold() {
        QMetaObject::invokeMethod(
            m_worker, [this] { m_gate.acquire(); }, Qt::QueuedConnection);
    }
    void release() { m_gate.release(); }
    // The temperature answer for `session`, waited for.
    std::optional<TemperatureResult> finished(quint64 session) {
        return answerFor(m_finished, session);
    }
    // The demo resident checks in with `celsius`, a green code and every answer "no"; the
    // worker's answer, waited for.
    std::optional<CheckInResult> checkIn(quint64 session, double celsius) {
        CheckInRequest request;
        request.idText = QStringLiteral("110105198503121234");
        request.healthCode = int(HealthCodeStatus::Green);
        request.healthSource = QStringLiteral("service");
        request.temperature.recorded = true;
        request.temperature.hasReading = true;
        request.temperature.celsius = celsius;
        for (std::size_t i = 0; i < kQuestionCount; ++i) {
            request.answers.append(int(Answer::No));
        }
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, session, request] { w->checkIn(session, request); },
            Qt::QueuedConnection);
        return answerFor(m_checkedIn, session);
    }
    const std::filesystem::path& databasePath() const { return m_databasePath; }
    const QList<quint64>& measured() const { return m_measured; }
    bool threadRunning() const { return m_thread.isRunning(); }

private:
    // The worker's answer for `session` among `answers`, waited for (10 s at most).
    template <class Answer>
    static std::optional<Answer> answerFor(const QList<std::pair<quint64, Answer>>& answers,
                                           quint64 session) {
        const auto found = [&]() -> const Answer* {
            for (const auto& [s, answer] : answers) {
                if (s == session) {
                    return &answer;
                }
            }
            return nullptr;
        };
        if (!waitUntil([&] { return found() != nullptr; }, 10000)) {
            return std::nullopt;
        }
        return *found();
    }

    QTemporaryDir m_folder;
    QThread m_thread;
    EntryWorker* m_worker = nullptr;
    QObject m_context;
    QSemaphore m_gate;
    std::optional<QString> m_openError;
    QList<quint64> m_measured;
    QList<std::pair<quint64, TemperatureResult>> m_finished;
    QList<std::pair<quint64, CheckInResult>> m_checkedIn;
    std::filesystem::path m_databasePath;
};

// The resident walked away while the worker was still busy (a slow health-code check): the
// idle reset cancels before the queued measurement starts, and nothing is measured or
// journaled for the forgotten visit. The next resident is measured as usual.
TEST(EntryWorker, ACancelBeforeTheMeasurementStartsStillCancelsIt) {
    WorkerRun run;
    run.hold();
    run.measure(1);
    run.worker()->cancelTemperature(1);
    run.measure(2);
    run.release();

    const auto forgotten = run.finished(1);
    ASSERT_TRUE(forgotten);
    EXPECT_FALSE(forgotten->recorded);
    EXPECT_TRUE(forgotten->measurementIds.isEmpty());
    EXPECT_NE(forgotten->error.indexOf(QStringLiteral("cancelled")), -1)
        << forgotten->error.toStdString();

    const auto next = run.finished(2);
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->recorded) << next->error.toStdString();
    ASSERT_FALSE(next->measurementIds.isEmpty());
    // The journal's first measurement is the next resident's: none was written for visit 1.
    EXPECT_EQ(next->measurementIds.front(), 1);
    EXPECT_FALSE(run.measured().contains(1));
    EXPECT_TRUE(run.measured().contains(2));
}

// A throwing driver ends the temperature step with an error for the screen; the worker's
// thread lives on and measures the next resident's request.
TEST(EntryWorker, AThrowingThermometerIsAnErrorNotADeadThread) {
    WorkerRun run(std::make_unique<ThrowingThermometer>());
    run.measure(1);
    const auto failed = run.finished(1);
    ASSERT_TRUE(failed);
    EXPECT_FALSE(failed->recorded);
    EXPECT_NE(failed->error.indexOf(QStringLiteral("driver bug: bus state lost")), -1)
        << failed->error.toStdString();
    run.measure(2);
    ASSERT_TRUE(run.finished(2));
    EXPECT_TRUE(run.threadRunning());
}

// One visit a person a day, as the entry screen shows it: a feverish resident is deferred; a
// nurse reinstates the visit after a rest; checking in again gives that visit back with its
// number, and the screen is told "proceed" (where the visit stands), not the entry's "defer".
TEST(EntryWorker, AVisitGivenBackIsShownWhereItStandsNow) {
    WorkerRun run;
    const auto deferred = run.checkIn(1, 38.4);
    ASSERT_TRUE(deferred);
    ASSERT_EQ(deferred->outcome, QStringLiteral("defer")) << deferred->error.toStdString();
    EXPECT_FALSE(deferred->returned);

    auto journal = Journal::open(run.databasePath());
    ASSERT_TRUE(journal) << journal.error().message;
    auto reinstated = journal->visits().override({deferred->visitId,
                                                  Outcome::Proceed,
                                                  "nurse-1",
                                                  "36.8 after a rest",
                                                  1'795'000'000'000,
                                                  {'A'}});
    ASSERT_TRUE(reinstated) << reinstated.error().message;

    const auto again = run.checkIn(2, 36.6);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->returned);
    EXPECT_EQ(again->visitId, deferred->visitId);
    EXPECT_EQ(again->outcome, QStringLiteral("proceed"));
    EXPECT_EQ(again->queueNumber, QString::fromStdString(reinstated->queueNumber->label()));
    EXPECT_TRUE(again->reasonsZh.isEmpty());
}

}  // namespace
}  // namespace vax::app
