import QtQuick
import QtQuick.Layouts
import VaxKiosk

// Each device's state in words, with what to do about it.
GridLayout {
    id: page
    required property StatusBoard status
    readonly property real mm: Theme.mm
    columns: 2
    rowSpacing: 2 * mm
    columnSpacing: 4 * mm

    // Not in use, or not known yet: nothing to fix (grey "–", as on the status strip).
    function quiet(state) { return state === "off" || state === "none" || state === "unknown" }

    // The state in the console's language, then the device's own words (in English, from the
    // driver or the system) for the technician.
    function described(state, message) {
        const word = state === "ok" ? qsTr("working")
                   : state === "missing" ? qsTr("not working")
                   : state === "off" || state === "none" ? qsTr("not in use")
                   : state === "unknown" ? qsTr("not known yet")
                   : qsTr("needs attention")
        return message.length > 0 ? qsTr("%1 · %2").arg(word).arg(message) : word
    }

    readonly property string networkRowState: status.networkOnline ? "ok"
        : status.networkState === "offline" ? "missing"
        : status.networkState === "none" ? "off" : "degraded"

    readonly property var rows: [
        { key: "network", title: qsTr("Network"), state: page.networkRowState,
          text: status.networkState === "none" ? qsTr("no records service configured")
                                               : page.described(page.networkRowState, status.networkMessage) },
        { key: "outbox", title: qsTr("Records to upload"),
          state: status.outboxRefused > 0 ? "degraded" : "ok",
          text: qsTr("%1 waiting, %2 refused").arg(status.outboxPending).arg(status.outboxRefused) },
        { key: "trust", title: qsTr("Trust list age"),
          state: status.trustAgeHours < 0 ? "missing" : status.trustAgeHours > 24 * 7 ? "degraded" : "ok",
          text: status.trustAgeHours < 0 ? qsTr("none") : qsTr("%n hours", "", status.trustAgeHours) },
        { key: "printer", title: qsTr("Printer"), state: status.printerState,
          text: page.described(status.printerState, status.printerMessage) },
        { key: "thermometer", title: qsTr("Thermometer"), state: status.thermometerState,
          text: page.described(status.thermometerState, status.thermometerMessage) },
        { key: "camera", title: qsTr("Camera"), state: status.cameraState,
          text: page.described(status.cameraState, status.cameraMessage) },
        { key: "clock", title: qsTr("Clock"), state: status.clockSynced ? "ok" : "degraded",
          text: page.described(status.clockSynced ? "ok" : "degraded", status.clockMessage) }
    ]

    Repeater {
        model: page.rows
        delegate: Text {
            required property var modelData
            required property int index
            Layout.row: index
            Layout.column: 0
            font.pixelSize: Theme.px(6)
            font.bold: true
            color: Theme.ink
            text: (modelData.state === "ok" ? "✓ " : modelData.state === "missing" ? "✕ "
                   : page.quiet(modelData.state) ? "– " : "! ") + modelData.title
        }
    }
    Repeater {
        model: page.rows
        delegate: Text {
            required property var modelData
            required property int index
            objectName: "device_" + modelData.key
            Layout.row: index
            Layout.column: 1
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(5.5)
            color: modelData.state === "ok" || page.quiet(modelData.state) ? Theme.inkSoft : Theme.bad
            text: modelData.text.length > 0 ? modelData.text : modelData.state
        }
    }
    // The rows at the top, the room to spare below them (a tall page spread them apart).
    Item {
        Layout.row: page.rows.length
        Layout.column: 0
        Layout.columnSpan: 2
        Layout.fillHeight: true
    }
}
