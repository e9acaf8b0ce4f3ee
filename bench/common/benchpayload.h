// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef BENCHPAYLOAD_H
#define BENCHPAYLOAD_H

#include <string>

// The JSON every benchmark uses, shaped like real data: nested objects, numbers, strings with
// escaped quotes, and plain text. Plain C++ (the load server uses no Qt).
//
// Exactly `size` bytes (for size >= about 100): `head`, which opens a "text" string member, the
// text, then an "items" array of small objects, then `tail`, which closes what head opened.
inline std::string benchJson(size_t size, const std::string &head, const std::string &tail)
{
    const std::string middle = R"(","items":[)";
    std::string items;
    for (int i = 0;; ++i) {
        std::string item = std::string(i ? "," : "") + "{\"id\":" + std::to_string(i)
                + ",\"name\":\"item \\\"" + std::to_string(i) + "\\\"\",\"score\":"
                + std::to_string(i / 4) + "." + std::to_string(i % 4 * 25) + '}';
        if (head.size() + middle.size() + tail.size() + items.size() + item.size() > size)
            break;
        items += item;
    }
    std::string text;
    while (text.size() < size)
        text += "hello, world ";
    const size_t fixed = head.size() + middle.size() + tail.size() + items.size();
    text.resize(size > fixed ? size - fixed : 0);
    return head + text + middle + items + tail;
}

//! A multipart subscription event: {"payload":{"data":{"seq":seq,"text":...,"items":[...]}}}.
inline std::string benchSubscriptionEvent(size_t size, int seq = 0)
{
    return benchJson(size, R"({"payload":{"data":{"seq":)" + std::to_string(seq) + R"(,"text":")",
                     "]}}}");
}

#endif // BENCHPAYLOAD_H
