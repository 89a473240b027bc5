<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Main</name>
    <message>
        <source>VaxKiosk entry check</source>
        <translation>疫苗接种入口自助预检</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>One moment please…</source>
        <translation>请稍候……</translation>
    </message>
    <message>
        <source>Your queue number</source>
        <translation>您的排队号</translation>
    </message>
    <message>
        <source>Please wait: staff will assist you</source>
        <translation>请稍候，工作人员将为您核实</translation>
    </message>
    <message>
        <source>No vaccination today</source>
        <translation>今天暂不接种</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask staff.</source>
        <translation>系统出现问题，请联系工作人员。</translation>
    </message>
    <message>
        <source>Please go to registration desk %1</source>
        <translation>请到 %1 台登记</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ScannedScreen</name>
    <message>
        <source>Green code</source>
        <translation>绿码</translation>
    </message>
    <message>
        <source>Yellow code</source>
        <translation>黄码</translation>
    </message>
    <message>
        <source>Red code</source>
        <translation>红码</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验……</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>无法核验</translation>
    </message>
    <message>
        <source>Please show your health code</source>
        <translation>请出示健康码</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Please show your electronic ID</source>
        <translation>请出示电子身份证</translation>
    </message>
    <message>
        <source>This code is not a health code or an ID. Please show another one.</source>
        <translation>此码不是健康码或身份证，请出示其他码。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>TemperatureScreen</name>
    <message>
        <source>Once more, please stay still</source>
        <translation>请再测一次，保持不动</translation>
    </message>
    <message>
        <source>Temperature taken</source>
        <translation>测温完成</translation>
    </message>
    <message>
        <source>The thermometer could not measure you. Staff will help you.</source>
        <translation>未能测得体温，工作人员将为您测量。</translation>
    </message>
    <message>
        <source>Please face the thermometer and stay still</source>
        <translation>请面向测温仪，保持不动</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测温……</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Reading the code…</source>
        <translation>正在识别……</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Please show your health code</source>
        <translation>请出示健康码</translation>
    </message>
    <message>
        <source>Hold your phone&apos;s health code, then your electronic ID, in front of the camera.</source>
        <translation>请将手机上的健康码对准摄像头，然后出示电子身份证。</translation>
    </message>
    <message>
        <source>This kiosk is out of service. Please ask staff.</source>
        <translation>本机暂停服务，请联系工作人员。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
</context>
</TS>
