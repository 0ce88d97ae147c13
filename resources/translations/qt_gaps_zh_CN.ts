<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own widget strings that the qtbase_zh_CN catalogue of the installed Qt lacks (Qt 6.11's file
     dialog says "&Look in:" and "Files of &type:", with mnemonics; qtbase_zh_CN has them without).
     Hand-written; make translations compiles it. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
