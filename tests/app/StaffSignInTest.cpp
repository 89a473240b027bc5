// A sign-in on a staff console whose worker could not open (no site keys) ends with an answer
// the screen can show; it used to stay on "Checking..." for ever.
#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <QThread>

#include "AppTestSupport.h"
#include "StaffConsole.h"
#include "StaffWorker.h"

namespace vax::app {
namespace {

TEST(StaffSignIn, AConsoleThatIsNotReadyAnswersTheSignIn) {
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    KioskConfig config;
    config.site.id = "T-001";
    config.site.keyFile = folder.filePath(QStringLiteral("no-such.key")).toStdString();
    config.staff.push_back(StaffMember{"nurse-1", "Nurse", {}});
    QThread thread;
    auto* worker =
        new StaffWorker(config, folder.filePath(QStringLiteral("kiosk.db")).toStdString());
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    {
        StaffConsole console(worker);
        bool opened = false;
        QObject::connect(worker, &StaffWorker::opened, &console, [&] { opened = true; });
        thread.start();
        QMetaObject::invokeMethod(worker, &StaffWorker::open, Qt::QueuedConnection);
        ASSERT_TRUE(test::waitUntil([&] { return opened; }, 10000));
        EXPECT_FALSE(console.ready());

        console.login(QStringLiteral("nurse-1"), QStringLiteral("2468"));
        EXPECT_TRUE(console.busy());
        ASSERT_TRUE(test::waitUntil([&] { return !console.busy(); }, 10000))
            << "the sign-in was never answered";
        EXPECT_EQ(console.loginProblem(), QStringLiteral("not_ready"));
        EXPECT_FALSE(console.signedIn());
    }
    thread.quit();
    thread.wait();
}

}  // namespace
}  // namespace vax::app
