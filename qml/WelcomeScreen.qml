import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// Step 1: show the health code (or the electronic ID) to the camera.
Item {
    id: page
    required property EntryFlow flow
    required property CameraFeed camera
    readonly property real mm: Theme.mm

    // Side by side on a landscape screen, camera above the words on a portrait one.
    readonly property bool portrait: page.height > page.width

    GridLayout {
        anchors.fill: parent
        columns: page.portrait ? 1 : 2
        rowSpacing: 8 * page.mm
        columnSpacing: 8 * page.mm

        CameraPreview {
            Layout.preferredWidth: page.width * (page.portrait ? 0.9 : 0.5)
            Layout.preferredHeight: Layout.preferredWidth * 9 / 16 + 2 * page.mm
            Layout.alignment: page.portrait ? Qt.AlignHCenter : Qt.AlignVCenter
            camera: page.camera
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6 * page.mm

            Item { Layout.fillHeight: true }
            ScreenTitle {
                objectName: "welcomeTitle"
                Layout.fillWidth: true
                text: qsTr("Please show your health code")
            }
            Text {
                objectName: "welcomeHint"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Theme.inkSoft
                font.pixelSize: Theme.px(8)
                text: qsTr("Hold your phone's health code, then your electronic ID, in front of the camera.")
            }
            Text {
                objectName: "setupError"
                Layout.fillWidth: true
                visible: !page.flow.ready
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Theme.bad
                font.pixelSize: Theme.px(7)
                text: page.flow.setupError.length > 0
                      ? qsTr("This kiosk is out of service. Please ask staff.")
                      : qsTr("Starting…")
            }
            Item { Layout.fillHeight: true }
        }
    }
}
