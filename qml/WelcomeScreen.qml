import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// Step 1: show the health code (or the electronic ID) to the camera.
Item {
    id: page
    required property EntryFlow flow
    required property CameraFeed camera
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78)

    RowLayout {
        anchors.fill: parent
        spacing: 8 * page.mm

        Rectangle {
            Layout.preferredWidth: page.width * 0.5
            Layout.preferredHeight: Layout.preferredWidth * 9 / 16 + 2 * page.mm
            Layout.alignment: Qt.AlignVCenter
            color: "black"
            radius: 2 * page.mm
            Image {
                objectName: "cameraPreview"
                anchors.fill: parent
                anchors.margins: 1 * page.mm
                fillMode: Image.PreserveAspectFit
                cache: false
                source: "image://camera/" + page.camera.frameNumber
            }
            Rectangle {
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: 16 * page.mm
                color: page.camera.codesInView > 0 ? "#2e7d32" : "#cc263238"
                radius: 2 * page.mm
                Text {
                    anchors.centerIn: parent
                    width: parent.width - 4 * page.mm
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: "white"
                    font.pixelSize: Math.round(6 * page.mm)
                    text: page.camera.codesInView > 0 ? qsTr("Reading the code…")
                                                      : qsTr("Camera")
                }
            }
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
                color: "#334e68"
                font.pixelSize: Math.round(8 * page.mm)
                text: qsTr("Hold your phone's health code, then your electronic ID, in front of the camera.")
            }
            Text {
                objectName: "setupError"
                Layout.fillWidth: true
                visible: !page.flow.ready
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: "#b71c1c"
                font.pixelSize: Math.round(7 * page.mm)
                text: page.flow.setupError.length > 0
                      ? qsTr("This kiosk is out of service. Please ask staff.")
                      : qsTr("Starting…")
            }
            Item { Layout.fillHeight: true }
        }
    }
}
