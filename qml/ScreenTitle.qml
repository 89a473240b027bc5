import QtQuick
import QtQuick.Window

// The main sentence of a screen: large, wrapped, never clipped.
Text {
    readonly property real mm: Theme.mm
    font.pixelSize: Theme.px(13)
    font.bold: true
    color: Theme.ink
    wrapMode: Text.WordWrap
    horizontalAlignment: Text.AlignHCenter
}
