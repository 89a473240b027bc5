import QtQuick
import QtQuick.Controls

// A switch in the header bar: still a full touch target (>= 15 mm), light on the dark band.
// A checked switch is marked by a frame and bold text as well as colour.
Button {
    id: control
    readonly property real mm: Theme.mm

    implicitHeight: Math.round(18 * mm)
    implicitWidth: Math.max(Math.round(24 * mm), contentItem.implicitWidth + 8 * mm)
    font.pixelSize: Theme.px(6)
    font.bold: control.checked

    contentItem: Text {
        text: control.text
        font: control.font
        color: Theme.onDark
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: 2.5 * control.mm
        color: control.down ? Qt.darker(Theme.actionLight, 1.3) : Theme.actionLight
        // High contrast: every switch is outlined, the checked one more strongly.
        border.width: control.checked ? Math.round(1 * control.mm)
                    : Theme.highContrast ? Math.round(0.5 * control.mm) : 0
        border.color: Theme.onDark
    }
}
