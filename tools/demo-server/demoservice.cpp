// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#include "demoservice.h"

#include "eventstream.h"

#include <QtCore/qcryptographichash.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qrandom.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int MinIntervalMs = 10;
constexpr int MaxCountdown = 100000;
constexpr int MaxMessages = 100;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QJsonObject user(const QString &name)
{
    // A stable id per name, so that clients' caches see the same object on every login.
    const QByteArray id
            = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return { { u"id"_s, QString::fromLatin1(id) }, { u"name"_s, name } };
}

int interval(const QJsonObject &arguments)
{
    return qMax(MinIntervalMs, arguments.value("intervalMs"_L1).toInt());
}

} // namespace

DemoService::DemoService(QObject *parent) : QObject(parent) { }

void DemoService::authenticate(RequestContext *context) const
{
    const QList<QByteArray> cookies = context->request.header("cookie").split(';');
    for (const QByteArray &cookie : cookies) {
        const qsizetype equals = cookie.indexOf('=');
        if (cookie.left(equals).trimmed() == SessionCookie)
            context->userName = m_sessions.value(cookie.mid(equals + 1).trimmed());
    }
}

DemoService::FieldResult DemoService::resolve(const QString &typeName,
                                              const QGraphQLDocument::Field &field,
                                              RequestContext *context)
{
    const QJsonObject &arguments = field.arguments;
    if (field.name == "__typename"_L1)
        return FieldResult::of(typeName);
    if (typeName == "Query"_L1) {
        if (field.name == "hello"_L1)
            return FieldResult::of(u"Hello, %1!"_s.arg(arguments.value("name"_L1).toString()));
        if (field.name == "serverTime"_L1)
            return FieldResult::of(now());
        if (field.name == "me"_L1)
            return FieldResult::of(context->userName.isEmpty()
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(user(context->userName)));
        if (field.name == "messages"_L1) {
            const int last = qBound(0, arguments.value("last"_L1).toInt(10), MaxMessages);
            QJsonArray messages;
            for (qsizetype i = qMax<qsizetype>(0, m_messages.size() - last); i < m_messages.size();
                 ++i)
                messages.append(m_messages.at(i));
            return FieldResult::of(messages);
        }
        if (field.name == "requestHeader"_L1) {
            const QByteArray value = context->request.header(
                    arguments.value("name"_L1).toString().toLatin1().toLower());
            return FieldResult::of(value.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(QString::fromUtf8(value)));
        }
    } else if (typeName == "Mutation"_L1) {
        if (field.name == "login"_L1)
            return login(arguments, context);
        if (field.name == "logout"_L1)
            return logout(context);
        if (field.name == "postMessage"_L1)
            return postMessage(arguments.value("text"_L1).toString(), *context);
    }
    return FieldResult::error(u"No resolver for %1.%2"_s.arg(typeName, field.name),
                              u"INTERNAL_SERVER_ERROR"_s);
}

DemoService::FieldResult DemoService::login(const QJsonObject &arguments, RequestContext *context)
{
    const QString name = arguments.value("username"_L1).toString().trimmed();
    if (name.isEmpty() || arguments.value("password"_L1).toString() != QLatin1String(Password))
        return FieldResult::error(u"Invalid username or password"_s, u"UNAUTHENTICATED"_s);
    const QByteArray token = QByteArray::number(QRandomGenerator::global()->generate64(), 16)
            + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    m_sessions.insert(token, name);
    context->userName = name;
    context->responseHeaders.append(
            { "set-cookie",
              SessionCookie + "="_ba + token + "; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax" });
    return FieldResult::of(user(name));
}

DemoService::FieldResult DemoService::logout(RequestContext *context)
{
    const bool wasLoggedIn = !context->userName.isEmpty();
    context->userName.clear();
    context->responseHeaders.append(
            { "set-cookie", SessionCookie + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"_ba });
    return FieldResult::of(wasLoggedIn);
}

DemoService::FieldResult DemoService::postMessage(const QString &text,
                                                  const RequestContext &context)
{
    if (text.trimmed().isEmpty())
        return FieldResult::error(u"A message needs some text"_s, u"BAD_USER_INPUT"_s);
    const QJsonObject message {
        { u"id"_s, QString::number(m_nextMessageId++) },
        { u"text"_s, text },
        { u"author"_s, context.userName.isEmpty() ? u"anonymous"_s : context.userName },
        { u"postedAt"_s, now() },
    };
    m_messages.append(message);
    if (m_messages.size() > MaxMessages)
        m_messages.removeFirst();
    Q_EMIT messagePosted(message);
    return FieldResult::of(message);
}

EventStream *DemoService::subscribe(const QGraphQLDocument::Field &field,
                                    const RequestContext &context, QString *error)
{
    Q_UNUSED(context);
    const QJsonObject &arguments = field.arguments;
    if (field.name == "clock"_L1) {
        return new EventStream(interval(arguments), [](int) {
            return EventStream::Step { EventStream::Step::Next, now(), {} };
        });
    }
    if (field.name == "countdown"_L1) {
        const int from = arguments.value("from"_L1).toInt();
        if (from < 0 || from > MaxCountdown) {
            *error = u"countdown: \"from\" must be between 0 and %1"_s.arg(MaxCountdown);
            return nullptr;
        }
        return new EventStream(interval(arguments), [from](int tick) {
            const int value = from - tick;
            return EventStream::Step {
                value == 0 ? EventStream::Step::Last : EventStream::Step::Next, value, {}
            };
        });
    }
    if (field.name == "failing"_L1) {
        const int after = qMax(0, arguments.value("after"_L1).toInt());
        return new EventStream(interval(arguments), [after](int tick) {
            if (tick < after)
                return EventStream::Step { EventStream::Step::Next, tick + 1, {} };
            return EventStream::Step {
                EventStream::Step::Fail,
                {},
                u"The failing subscription failed on purpose after %1 event(s)"_s.arg(after)
            };
        });
    }
    if (field.name == "messageAdded"_L1) {
        auto *stream = new EventStream;
        connect(this, &DemoService::messagePosted, stream, &EventStream::push);
        return stream;
    }
    *error = u"No subscription resolver for \"%1\""_s.arg(field.name);
    return nullptr;
}
