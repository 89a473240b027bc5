#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace vax::app {

/// The short tone that confirms a read, as a WAV file (16-bit mono PCM): 880 Hz for 120 ms,
/// faded in and out so it does not click. Made at run time: nothing to ship or license.
QByteArray readToneWav();

/// Writes the tone into `folder` and returns its file URL, or an empty URL when it cannot.
QUrl writeReadTone(const QString& folder);

}  // namespace vax::app
