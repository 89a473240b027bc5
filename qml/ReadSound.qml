import QtQuick
import QtMultimedia

// The short tone that confirms a read, beside the green frame. Loaded on its own, so a kiosk
// without Qt Multimedia or without a sound device still runs, silently.
SoundEffect {
    volume: 0.6
}
