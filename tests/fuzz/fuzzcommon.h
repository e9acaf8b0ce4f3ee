// Copyright (C) 2026 The QGraphQL Authors.
// SPDX-License-Identifier: LGPL-3.0-only

#ifndef QGRAPHQL_FUZZCOMMON_H
#define QGRAPHQL_FUZZCOMMON_H

#include <QtCore/qbytearrayview.h>
#include <QtCore/qlist.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// An invariant failed: report it the way a sanitizer does, so libFuzzer saves the input.
#define FUZZ_ASSERT(condition) \
    do { \
        if (!(condition)) { \
            std::fprintf(stderr, "FUZZ INVARIANT FAILED at %s:%d: %s\n", __FILE__, __LINE__, \
                         #condition); \
            std::abort(); \
        } \
    } while (false)

namespace Fuzz {

// Read sizes that cover the stream: split points come from the fuzz input (seed), so libFuzzer
// explores where reads end as it explores what they hold.
inline QList<qsizetype> seededReads(qsizetype size, uint32_t seed, qsizetype maxRead)
{
    QList<qsizetype> reads;
    uint32_t state = seed * 2654435761u + 1;
    for (qsizetype done = 0; done < size;) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        const qsizetype n = qMin(size - done, qsizetype(1 + state % uint32_t(maxRead)));
        reads.append(n);
        done += n;
    }
    return reads;
}

inline QList<qsizetype> wholeRead(qsizetype size)
{
    return size ? QList<qsizetype> { size } : QList<qsizetype> {};
}

inline QList<qsizetype> bytewiseReads(qsizetype size)
{
    return QList<qsizetype>(size, 1);
}

} // namespace Fuzz

#endif // QGRAPHQL_FUZZCOMMON_H
