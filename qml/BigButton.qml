import QtQuick
import QtQuick.Controls
import QtQuick.Window

// A touch target for everyone, also elderly people with unsteady hands: at least 22 mm tall
// (the guideline asks for 15 mm), large text, strong contrast.
Button {
    id: control
    property color tone: Theme.action
    readonly property real mm: Theme.mm

    implicitHeight: Math.round(22 * mm)
    implicitWidth: Math.max(Math.round(40 * mm), contentItem.implicitWidth + 16 * mm)
    font.pixelSize: Theme.px(10)
    font.bold: true

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.onDark : "#eeeeee"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: 3 * control.mm
        color: !control.enabled ? Theme.disabled : control.down ? Qt.darker(control.tone, 1.3) : control.tone
    }
}
