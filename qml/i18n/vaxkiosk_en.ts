<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Main</name>
    <message>
        <source>VaxKiosk entry check</source>
        <translation>VaxKiosk entry check</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Not sure</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>One moment please…</source>
        <translation>One moment please…</translation>
    </message>
    <message>
        <source>Your queue number</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Please wait: staff will assist you</source>
        <translation>Please wait: staff will assist you</translation>
    </message>
    <message>
        <source>No vaccination today</source>
        <translation>No vaccination today</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask staff.</source>
        <translation>Something went wrong. Please ask staff.</translation>
    </message>
    <message>
        <source>Please go to registration desk %1</source>
        <translation>Please go to registration desk %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ScannedScreen</name>
    <message>
        <source>Green code</source>
        <translation>Green code</translation>
    </message>
    <message>
        <source>Yellow code</source>
        <translation>Yellow code</translation>
    </message>
    <message>
        <source>Red code</source>
        <translation>Red code</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>Could not be checked</translation>
    </message>
    <message>
        <source>Please show your health code</source>
        <translation>Please show your health code</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Please show your electronic ID</source>
        <translation>Please show your electronic ID</translation>
    </message>
    <message>
        <source>This code is not a health code or an ID. Please show another one.</source>
        <translation>This code is not a health code or an ID. Please show another one.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>TemperatureScreen</name>
    <message>
        <source>Once more, please stay still</source>
        <translation>Once more, please stay still</translation>
    </message>
    <message>
        <source>Temperature taken</source>
        <translation>Temperature taken</translation>
    </message>
    <message>
        <source>The thermometer could not measure you. Staff will help you.</source>
        <translation>The thermometer could not measure you. Staff will help you.</translation>
    </message>
    <message>
        <source>Please face the thermometer and stay still</source>
        <translation>Please face the thermometer and stay still</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Measuring…</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Reading the code…</source>
        <translation>Reading the code…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Please show your health code</source>
        <translation>Please show your health code</translation>
    </message>
    <message>
        <source>Hold your phone&apos;s health code, then your electronic ID, in front of the camera.</source>
        <translation>Hold your phone&apos;s health code, then your electronic ID, in front of the camera.</translation>
    </message>
    <message>
        <source>This kiosk is out of service. Please ask staff.</source>
        <translation>This kiosk is out of service. Please ask staff.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
</TS>
