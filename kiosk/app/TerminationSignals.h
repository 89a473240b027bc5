#pragma once

namespace vax::app {

/// Makes SIGINT and SIGTERM end the event loop (QCoreApplication::quit) instead of the process,
/// so the kiosk shuts down as it does when its window closes: workers joined, the outbox pump
/// cancelled, the demo upstream stopped. Call once, after the application object exists.
void quitOnTerminationSignals();

}  // namespace vax::app
