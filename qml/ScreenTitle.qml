import QtQuick
import QtQuick.Window

// The main sentence of a screen: large, wrapped, never clipped.
Text {
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78)
    font.pixelSize: Math.round(13 * mm)
    font.bold: true
    color: "#102a43"
    wrapMode: Text.WordWrap
    horizontalAlignment: Text.AlignHCenter
}
