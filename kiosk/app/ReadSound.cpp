#include "ReadSound.h"

#include <QDataStream>
#include <QFile>
#include <cmath>
#include <numbers>

namespace vax::app {

namespace {

constexpr int kRate = 22050;
constexpr double kFrequency = 880.0;
constexpr double kSeconds = 0.12;
constexpr double kFadeSeconds = 0.01;

}  // namespace

QByteArray readToneWav() {
    const int samples = int(kRate * kSeconds);
    const int fade = int(kRate * kFadeSeconds);
    QByteArray wav;
    QDataStream out(&wav, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    const quint32 dataBytes = quint32(samples) * 2;
    out.writeRawData("RIFF", 4);
    out << quint32(36 + dataBytes);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1)  // PCM, mono
        << quint32(kRate) << quint32(kRate * 2)     // byte rate
        << quint16(2) << quint16(16);               // block align, bits
    out.writeRawData("data", 4);
    out << dataBytes;
    for (int i = 0; i < samples; ++i) {
        const double envelope = std::min({1.0, double(i) / fade, double(samples - i) / fade});
        const double value =
            0.5 * envelope * std::sin(2 * std::numbers::pi * kFrequency * i / kRate);
        out << qint16(std::lround(value * 32767));
    }
    return wav;
}

QUrl writeReadTone(const QString& folder) {
    const QString path = folder + QStringLiteral("/read-tone.wav");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(readToneWav()) < 0 ||
        !file.flush()) {
        return {};
    }
    return QUrl::fromLocalFile(path);
}

}  // namespace vax::app
