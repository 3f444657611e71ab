#!/usr/bin/env python3
# What LibreOffice makes of a reviewed DOCX (our 修订稿), over UNO, as JSON on stdout:
#   {"redlines": n, "annotations": m, "accepted": [...], "rejected": [...]}
# the number of tracked changes (document.Redlines), of comments (text fields of type
# Annotation, replies included), and the body's paragraphs (tables left out) after
# accept-all and after reject-all. The file is loaded hidden: Debian's build aborts when a
# window shows comments, so the DOCX is loaded into a document model without any frame
# (not even a hidden one). Accept and reject run on an ODT copy saved without the
# comments, loaded hidden (the dispatcher needs a frame).
# usage: python3 scripts/lo-revisions.py file.docx     (needs soffice and python3-uno)
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def items(enumeration_access):
    e = enumeration_access.createEnumeration()
    out = []
    while e.hasMoreElements():
        out.append(e.nextElement())
    return out


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit("soffice stopped before it could be reached")
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.1)
    raise SystemExit("soffice did not answer within 30 s")


def load(desktop, path):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise SystemExit("LibreOffice could not open %s" % path)
    return doc


def load_frameless(smgr, ctx, path):
    doc = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((prop("URL", uno.systemPathToFileUrl(os.path.abspath(path))), prop("FilterName", "MS Word 2007 XML")))
    return doc


def paragraphs(doc):
    return [p.getString() for p in items(doc.getText()) if p.supportsService("com.sun.star.text.Paragraph")]


def after(desktop, dispatcher, odt, command):
    doc = load(desktop, odt)
    try:
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        if items(doc.getRedlines()):
            raise SystemExit("%s left tracked changes" % command)
        return paragraphs(doc)
    finally:
        doc.close(True)


def main(path):
    tmp = tempfile.mkdtemp(prefix="lo-revisions-")
    pipe = "lo_revisions_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(tmp, "profile")),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        ctx = connect(pipe, proc)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        doc = load_frameless(smgr, ctx, path)
        redlines = len(items(doc.getRedlines()))
        annotations = [f for f in items(doc.getTextFields()) if f.supportsService("com.sun.star.text.textfield.Annotation")]
        for a in annotations:
            doc.getText().removeTextContent(a)
        odt = os.path.join(tmp, "copy.odt")
        doc.storeToURL(uno.systemPathToFileUrl(odt), (prop("FilterName", "writer8"),))
        doc.close(True)
        result = {
            "redlines": redlines,
            "annotations": len(annotations),
            "accepted": after(desktop, dispatcher, odt, ".uno:AcceptAllTrackedChanges"),
            "rejected": after(desktop, dispatcher, odt, ".uno:RejectAllTrackedChanges"),
        }
        print(json.dumps(result, ensure_ascii=False))
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes down with soffice
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: lo-revisions.py file.docx")
    main(sys.argv[1])
