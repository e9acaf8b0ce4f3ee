#!/usr/bin/python3
# Copyright (C) 2026 The QGraphQL Authors.
# SPDX-License-Identifier: LGPL-3.0-only
"""Doc coverage: the reference pages name every public API element.

  check_doc_coverage.py SOURCE_DIR

- C++: every class (and nested struct), enum and enumerator, Q_PROPERTY, signal, public
  method and public constant of the public headers src/qgraphql*.h (not *_p.h) must appear
  in doc/cpp-api.md, in code (`inline` or a fenced block), inside the section ("## ...")
  whose heading names the class.
- QML: every element (QML_NAMED_ELEMENT) of qml/*_p.h, with the Q_PROPERTYs, signals,
  Q_INVOKABLE methods, enums and enumerators of its class and of its bases (QML_ANONYMOUS
  ones included), must appear in doc/qml-api.md, in code, in a section whose heading names
  the element.

Prints what is missing and exits 1; exits 0 when everything is documented. Standard library
only.
"""

import glob
import os
import re
import sys


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def balanced(text, start, open_char, close_char):
    """Index just past the bracket that closes the one at text[start]."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == open_char:
            depth += 1
        elif text[i] == close_char:
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError("unbalanced %s" % open_char)


class ClassInfo:
    def __init__(self, name, bases, body, is_struct):
        self.name = name
        self.bases = bases
        self.is_struct = is_struct
        self.qml_name = None
        self.qml_anonymous = False
        self.properties = []
        self.signals = []
        self.methods = []  # public methods and slots
        self.invokables = []
        self.enums = []  # (name, [enumerators])
        self.constants = []  # public static constants and public fields
        self.nested = []  # ClassInfo of nested structs/classes
        self._parse(body)

    def _parse(self, body):
        m = re.search(r"QML_NAMED_ELEMENT\((\w+)\)", body)
        if m:
            self.qml_name = m.group(1)
        self.qml_anonymous = "QML_ANONYMOUS" in body

        # Q_PROPERTY(type name READ ...), balanced parentheses; then drop the macros.
        out, pos = [], 0
        for m in re.finditer(r"\bQ_PROPERTY\s*\(", body):
            if m.start() < pos:
                continue
            end = balanced(body, m.end() - 1, "(", ")")
            decl = body[m.end():end - 1]
            name = re.match(r"\s*(.*?)[\s*&]+(\w+)\s+(READ|MEMBER)\b", decl, re.S)
            if name:
                self.properties.append(name.group(2))
            out.append(body[pos:m.start()])
            pos = end
        out.append(body[pos:])
        body = "".join(out)
        body = re.sub(r"\b(Q_\w+|QML_\w+)\s*\([^()]*(\([^()]*\)[^()]*)*\)", " ", body)
        body = re.sub(r"\b(Q_OBJECT|Q_GADGET|QML_ANONYMOUS|QML_ELEMENT)\b", " ", body)

        access = "public" if self.is_struct else "private"
        decl = ""
        i = 0
        while i < len(body):
            c = body[i]
            if c == "{":
                end = balanced(body, i, "{", "}")
                head = decl.strip()
                nested = re.match(r"^(?:struct|class)\s+(?:\w+\s+)?(\w+)\s*(?::([^{]*))?$", head)
                enum = re.match(r"^enum\s+(?:class\s+)?(\w+)(?:\s*:\s*\w+)?$", head)
                if nested:
                    if access == "public":
                        self.nested.append(ClassInfo(nested.group(1), [], body[i + 1:end - 1],
                                                     head.startswith("struct")))
                    decl = ""
                    i = end
                    # skip to the ';' that ends "struct X { ... };"
                    while i < len(body) and body[i] in " \t\n;":
                        i += 1
                    continue
                if enum:
                    if access == "public":
                        values = [re.match(r"\s*(\w+)", v).group(1)
                                  for v in body[i + 1:end - 1].split(",") if v.strip()]
                        self.enums.append((enum.group(1), values))
                    decl = ""
                    i = end
                    continue
                # An inline function body or a brace initializer: part of this declaration.
                decl += " {} "
                i = end
                if re.search(r"\)\s*(const)?\s*(noexcept)?\s*(override)?\s*(:.*)?\{\}\s*$",
                             decl, re.S):
                    self._declaration(decl, access)
                    decl = ""
                continue
            if c == ";":
                self._declaration(decl, access)
                decl = ""
                i += 1
                continue
            decl += c
            label = re.search(r"(^|\s)(public|protected|private)(\s+(Q_SLOTS|slots))?\s*:(?!:)\s*$"
                              r"|(^|\s)(Q_SIGNALS|signals)\s*:(?!:)\s*$", decl)
            if label:
                if label.group(2):
                    access = label.group(2) + ("_slots" if label.group(4) else "")
                else:
                    access = "signals"
                decl = ""
            i += 1

    def _declaration(self, decl, access):
        decl = " ".join(decl.split())
        if not decl or access.startswith(("private", "protected")):
            return
        if decl.startswith(("friend ", "using ", "typedef ")) or re.search(r"\boperator\b", decl):
            return
        invokable = "Q_INVOKABLE" in decl
        decl = re.sub(r"\[\[\w+\]\]", " ", decl)
        # The function name is the identifier before the first '(' at depth 0.
        m = re.match(r"^([^(]*?)(~?\b\w+)\s*\(", decl)
        if not m:
            const = re.match(r"^(.*?)(\w+)\s*(=.*)?$", decl)
            if const and access in ("public",):
                self.constants.append(const.group(2))
            return
        name = m.group(2)
        if "operator" in m.group(1) or name.startswith("operator"):
            return
        if name == self.name or name.startswith("~"):
            return
        if access == "signals":
            self.signals.append(name)
        elif invokable:
            self.invokables.append(name)
        else:
            self.methods.append(name)


def parse_classes(path):
    text = strip_comments(open(path, encoding="utf-8").read())
    classes = []
    for m in re.finditer(r"^(class|struct)\s+(?:QGRAPHQL_EXPORT\s+)?(\w+)(\s*(?:final)?\s*:\s*([^{;]*))?\s*\{",
                         text, re.M):
        start = m.end() - 1
        end = balanced(text, start, "{", "}")
        bases = re.findall(r"(?:public|protected|private)?\s*(\w+)", m.group(4) or "")
        classes.append(ClassInfo(m.group(2), [b for b in bases if b], text[start + 1:end - 1],
                                 m.group(1) == "struct"))
    return classes


def code_text(markdown):
    """The text of inline code spans and fenced code blocks."""
    parts = re.findall(r"^```.*?^```", markdown, flags=re.S | re.M)
    rest = re.sub(r"^```.*?^```", " ", markdown, flags=re.S | re.M)
    parts += re.findall(r"`([^`]+)`", rest)
    return "\n".join(parts)


def sections(markdown):
    """(heading, body) of each level-2 section."""
    result = []
    pieces = re.split(r"^(## .*)$", markdown, flags=re.M)
    for i in range(1, len(pieces), 2):
        result.append((pieces[i], pieces[i + 1]))
    return result


def section_code(markdown, name):
    found = [heading + "\n" + body for heading, body in sections(markdown)
             if re.search(r"\b%s\b" % re.escape(name), heading)]
    if not found:
        return None
    return code_text("\n".join(found))


def mentioned(code, name):
    return re.search(r"(?<![\w~])%s(?!\w)" % re.escape(name), code) is not None


def check(doc_path, items):
    """items: list of (section name, what, name). Returns a list of missing descriptions."""
    try:
        markdown = open(doc_path, encoding="utf-8").read()
    except OSError as error:
        return ["%s: cannot read: %s" % (doc_path, error)]
    missing = []
    cache = {}
    for section, what, name in items:
        if what in ("class", "element") and name == section:
            what = None  # a section whose heading names it is enough
        if section not in cache:
            cache[section] = section_code(markdown, section)
        code = cache[section]
        if code is None:
            missing.append("%s: no section (\"## ...\" heading) names %s" % (doc_path, section))
            cache[section] = ""
            continue
        if what and not mentioned(code, name):
            missing.append("%s: section %s does not name the %s `%s`"
                           % (doc_path, section, what, name))
    return missing


def cpp_items(source_dir):
    items = []
    headers = sorted(h for h in glob.glob(os.path.join(source_dir, "src", "qgraphql*.h"))
                     if not h.endswith("_p.h"))
    for header in headers:
        for cls in parse_classes(header):
            if not cls.name.startswith("QGraphQL"):
                continue
            items += cpp_class_items(cls, cls.name)
    return items, headers


def cpp_class_items(cls, section):
    items = [(section, "class", cls.name)]
    for name in cls.properties:
        items.append((section, "property", name))
    for name in cls.signals:
        items.append((section, "signal", name))
    for name in cls.methods + cls.invokables:
        items.append((section, "method", name))
    for name in cls.constants:
        items.append((section, "member", name))
    for enum, values in cls.enums:
        items.append((section, "enum", enum))
        items += [(section, "enumerator", v) for v in values]
    for nested in cls.nested:
        items += cpp_class_items(nested, section)
    return items


def qml_items(source_dir):
    headers = sorted(glob.glob(os.path.join(source_dir, "qml", "*_p.h")))
    classes = {}
    for header in headers:
        for cls in parse_classes(header):
            classes[cls.name] = cls
    items = []
    for cls in classes.values():
        if not cls.qml_name:
            continue
        element = cls.qml_name
        items.append((element, "element", element))
        chain, todo = [], [cls]
        while todo:  # the class and all its bases defined in qml/
            c = todo.pop()
            chain.append(c)
            todo += [classes[b] for b in c.bases if b in classes]
        for c in chain:
            for name in c.properties:
                items.append((element, "property", name))
            for name in c.signals:
                items.append((element, "signal", name))
            for name in c.invokables:
                items.append((element, "method", name))
            for enum, values in c.enums:
                items += [(element, "enumerator", v) for v in values]
    return items, headers


def main():
    source_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__),
                                                                    "..", "..")
    cpp, cpp_headers = cpp_items(source_dir)
    qml, qml_headers = qml_items(source_dir)
    if not cpp or not qml:
        print("doc coverage: found no API to check (%d C++, %d QML items): is %s the source dir?"
              % (len(cpp), len(qml), source_dir))
        return 1
    missing = check(os.path.join(source_dir, "doc", "cpp-api.md"), cpp)
    missing += check(os.path.join(source_dir, "doc", "qml-api.md"), qml)
    print("doc coverage: %d C++ items from %d headers, %d QML items from %d headers"
          % (len(cpp), len(cpp_headers), len(qml), len(qml_headers)))
    for line in missing:
        print("MISSING " + line)
    if missing:
        print("doc coverage: %d undocumented item(s)" % len(missing))
        return 1
    print("doc coverage: everything is documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
