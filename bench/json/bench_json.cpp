// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

// JSON costs on the end-to-end payloads (~100 B and 16 KiB, the shape bench_loadserver sends):
// Qt's parser (what the library uses) against Debian's simdjson, parse only and parse + build
// the QJsonObject the public API hands out; plus the multipart decoder's JSON completeness
// scanner against a plain memchr over the same bytes. Then validation with the kept text:
// QGraphQLJsonText::compact() against simdjson's validation (DOM parse) and minify + parse, on
// the payloads as sent and pretty-printed (QJsonDocument::Indented, white space to drop).
//
//   bench_json [seconds-per-case]     (default 1)

#include "../common/benchpayload.h"
#include "protocol/qgraphqljsonscanner_p.h"
#include "protocol/qgraphqljsontext_p.h"
#include "protocol/qgraphqlresponseparser_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>

#define BENCH_STR2(x) #x
#define BENCH_STR(x) BENCH_STR2(x)

namespace {

QByteArray payload(size_t size)
{
    return QByteArray::fromStdString(benchSubscriptionEvent(size));
}

QJsonValue toQt(simdjson::dom::element e)
{
    using namespace simdjson;
    switch (e.type()) {
    case dom::element_type::OBJECT: {
        QJsonObject o;
        for (dom::key_value_pair kv : dom::object(e))
            o.insert(QLatin1StringView(kv.key.data(), qsizetype(kv.key.size())), toQt(kv.value));
        return o;
    }
    case dom::element_type::ARRAY: {
        QJsonArray a;
        for (dom::element v : dom::array(e))
            a.append(toQt(v));
        return a;
    }
    case dom::element_type::STRING: {
        const std::string_view s = e.get_string().value_unsafe();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    case dom::element_type::INT64:
        return double(e.get_int64().value_unsafe());
    case dom::element_type::UINT64:
        return double(e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
        return e.get_double().value_unsafe();
    case dom::element_type::BOOL:
        return e.get_bool().value_unsafe();
    case dom::element_type::NULL_VALUE:
        return QJsonValue::Null;
    }
    return {};
}

// Counts every scalar, so that on-demand parsing really visits the document.
size_t visit(simdjson::ondemand::value v)
{
    using namespace simdjson;
    size_t n = 0;
    switch (v.type().value_unsafe()) {
    case ondemand::json_type::object:
        for (auto field : v.get_object().value_unsafe())
            n += visit(field.value().value_unsafe());
        return n;
    case ondemand::json_type::array:
        for (auto item : v.get_array().value_unsafe())
            n += visit(item.value_unsafe());
        return n;
    case ondemand::json_type::string:
        return v.get_string().value_unsafe().size() > 0 ? 1 : 1;
    case ondemand::json_type::number:
        return v.get_double().value_unsafe() != 0.5 ? 1 : 1;
    default:
        v.raw_json_token();
        return 1;
    }
}

double timeIt(double minSeconds, const std::function<size_t()> &work, qint64 *iterations)
{
    size_t sink = 0;
    for (int i = 0; i < 10; ++i)
        sink += work();
    QElapsedTimer t;
    t.start();
    qint64 n = 0;
    qint64 elapsed = 0;
    do {
        for (int i = 0; i < 16; ++i)
            sink += work();
        n += 16;
        elapsed = t.nsecsElapsed();
    } while (elapsed < qint64(minSeconds * 1e9));
    if (sink == size_t(-1))
        std::puts("");
    *iterations = n;
    return elapsed / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double minSeconds = argc > 1 ? qMax(0.01, std::atof(argv[1])) : 1.0;
    std::printf("JSON on the end-to-end payloads, %.1f s per case, Qt %s, simdjson %s "
                "(implementation: %s)\n\n",
                minSeconds, qVersion(), BENCH_STR(SIMDJSON_VERSION),
                simdjson::get_active_implementation()->name().c_str());
    std::printf("| %-8s | %-52s | %9s | %11s |\n", "payload", "work", "MB/s", "ns/payload");
    std::printf("|----------|------------------------------------------------------|----------:|"
                "------------:|\n");

    for (size_t size : { size_t(100), size_t(16384) }) {
        const QByteArray json = payload(size);
        const simdjson::padded_string padded(json.constData(), size_t(json.size()));
        simdjson::dom::parser domParser;
        simdjson::ondemand::parser odParser;
        const QByteArray framed = json; // the scanner sees the body bytes
        struct Work
        {
            const char *name;
            std::function<size_t()> fn;
        };
        const Work works[] = {
            { "QJsonDocument::fromJson (what the library does)",
              [&] {
                  return size_t(QJsonDocument::fromJson(json).object().size());
              } },
            { "parseSubscriptionPart (fromJson + result fields)",
              [&] {
                  return size_t(QGraphQLResponseParser::parseSubscriptionPart(json, 0).kind);
              } },
            { "simdjson DOM parse",
              [&] {
                  return size_t(domParser.parse(padded).value_unsafe().is_object());
              } },
            { "simdjson on-demand, every value visited",
              [&] {
                  auto doc = odParser.iterate(padded);
                  return visit(doc.get_value().value_unsafe());
              } },
            { "simdjson DOM parse + build QJsonObject",
              [&] {
                  return size_t(toQt(domParser.parse(padded).value_unsafe()).toObject().size());
              } },
            { "QGraphQLJsonScanner::scan (decoder's completeness scan)",
              [&] {
                  QGraphQLJsonScanner s;
                  s.scan(framed);
                  return size_t(s.isComplete());
              } },
            { "memchr for '\\n' over the same bytes (lower bound)",
              [&] {
                  return size_t(std::memchr(framed.constData(), '\n', size_t(framed.size()))
                                != nullptr);
              } },
        };
        for (const Work &w : works) {
            qint64 n = 0;
            const double s = timeIt(minSeconds, w.fn, &n);
            std::printf("| %-8s | %-52s | %9.1f | %11.0f |\n", size == 100 ? "~100 B" : "16 KiB",
                        w.name, n * json.size() / 1e6 / s, s * 1e9 / n);
        }
    }

    // Validation that keeps the text: the same payloads, and pretty-printed.
    std::printf("\nValidation with compact text kept (MB/s of the input as given)\n\n");
    std::printf("| %-19s | %-52s | %9s | %11s |\n", "payload", "work", "MB/s", "ns/payload");
    std::printf("|---------------------|------------------------------------------------------|"
                "----------:|------------:|\n");
    for (bool pretty : { false, true }) {
        for (size_t size : { size_t(100), size_t(16384) }) {
            QByteArray json = payload(size);
            if (pretty)
                json = QJsonDocument::fromJson(json).toJson(QJsonDocument::Indented);
            const simdjson::padded_string padded(json.constData(), size_t(json.size()));
            simdjson::dom::parser domParser;
            // minify() writes at most the input's size; parse() wants padding after it.
            const size_t minifiedCapacity = size_t(json.size()) + simdjson::SIMDJSON_PADDING;
            std::unique_ptr<char[]> minified(new char[minifiedCapacity]);
            struct Work
            {
                const char *name;
                std::function<size_t()> fn;
            };
            const Work works[] = {
                { "QJsonDocument::fromJson",
                  [&] {
                      return size_t(QJsonDocument::fromJson(json).isObject());
                  } },
                { "QGraphQLJsonText::compact (validate + keep text)",
                  [&] {
                      QByteArray out;
                      return size_t(QGraphQLJsonText::compact(json, &out)) + size_t(out.size());
                  } },
                { "simdjson DOM parse (validation)",
                  [&] {
                      return size_t(domParser.parse(padded).value_unsafe().is_object());
                  } },
                { "simdjson::minify + DOM parse",
                  [&] {
                      size_t length = 0;
                      if (simdjson::minify(json.constData(), size_t(json.size()), minified.get(),
                                           length)
                          != simdjson::SUCCESS) {
                          return size_t(0);
                      }
                      return size_t(domParser.parse(minified.get(), length, false)
                                            .value_unsafe()
                                            .is_object());
                  } },
            };
            char label[32];
            std::snprintf(label, sizeof label, "%s%s (%lld B)", size == 100 ? "~100 B" : "16 KiB",
                          pretty ? " ws" : "", qlonglong(json.size()));
            for (const Work &w : works) {
                qint64 n = 0;
                const double s = timeIt(minSeconds, w.fn, &n);
                std::printf("| %-19s | %-52s | %9.1f | %11.0f |\n", label, w.name,
                            n * json.size() / 1e6 / s, s * 1e9 / n);
            }
        }
    }
    return 0;
}
