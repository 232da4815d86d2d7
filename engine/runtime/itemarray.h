#pragma once

// The routed messages a batch carries from the worker that parsed them to the owner of their
// partition (StateRuntime's ingestion and submit()), and the array that holds them.

#include <QtGlobal>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>

#include <sys/mman.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Streaming (non-temporal) stores for items handed to another core (ItemArray::pushStreaming). Not
// under the sanitizers: they do not see the intrinsics' writes, and ThreadSanitizer should check
// the hand-off, AddressSanitizer the bounds.
#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define PARTLAB_STREAMING_STORES 1
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#undef PARTLAB_STREAMING_STORES
#endif
#endif
#endif

namespace partlab::runtimedetail {

/**
 * One routed message on its way to the owner of its partition, 40 bytes. Its key bytes sit in
 * the batch, or, when the input keeps its keys alive (ChunkedInput::stableKeys), in the input.
 */
struct Item
{
    quint64 key;       ///< offset into Batch::keys, or the address of the bytes (Batch::externalKeys)
    quint32 keyLength;
    quint32 partition;
    quint64 hash;      ///< hashKey(key), computed where the bytes are at hand (the router)
    double value;
    double volume;
};
static_assert(sizeof(Item) == 40, "an item is 40 bytes: 1.6 per cache line, as the ingestion figures assume");
static_assert(std::is_trivially_copyable_v<Item>, "ItemArray grows with std::copy, a memmove for trivially copyable items");

/**
 * The items of a batch: a growable array whose push is inline (std::vector's push_back was a call
 * per message on the ingestion path); it keeps its capacity across clear().
 */
class ItemArray
{
public:
    void push_back(const Item &it)
    {
        if (m_size == m_capacity) [[unlikely]]
            grow();
        m_data.get()[m_size++] = it;
    }
    /**
     * push_back with streaming stores, for items another core will read: they go to memory
     * without first taking the cache line from the core that read it last (a line of the slot's
     * previous chunk), which stalled the router on every line it wrote. The writer calls
     * publishStreamed() before it hands the array over.
     */
    void pushStreaming(const Item &it)
    {
#if defined(PARTLAB_STREAMING_STORES)
        if (m_size == m_capacity) [[unlikely]]
            grow();
        static_assert(sizeof(Item) % sizeof(long long) == 0 && alignof(Item) >= alignof(long long));
        long long words[sizeof(Item) / sizeof(long long)];
        std::memcpy(words, &it, sizeof words);
        long long *to = reinterpret_cast<long long *>(m_data.get() + m_size++);
        for (std::size_t k = 0; k < std::size(words); ++k)
            _mm_stream_si64(to + k, words[k]);
#else
        push_back(it);
#endif
    }
    /** Orders the streaming stores before the release store that publishes them (x86 does not). */
    static void publishStreamed()
    {
#if defined(PARTLAB_STREAMING_STORES)
        _mm_sfence();
#endif
    }
    /** Makes room for @p n items in one step (growing by doubling copies the array each time). */
    void reserve(std::size_t n)
    {
        if (m_capacity < n)
            reallocate(n);
    }
    std::size_t capacity() const { return m_capacity; }
    void clear() { m_size = 0; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const Item &operator[](std::size_t i) const { return m_data.get()[i]; }
    const Item *begin() const { return m_data.get(); }
    const Item *end() const { return m_data.get() + m_size; }

private:
    void grow() { reallocate(m_capacity ? m_capacity * 2 : 256); }
    void reallocate(std::size_t capacity)
    {
        std::size_t bytes = capacity * sizeof(Item);
        Item *bigger = static_cast<Item *>(allocate(bytes));
        std::copy(m_data.get(), m_data.get() + m_size, bigger);
        m_data.reset(bigger);
        m_capacity = bytes / sizeof(Item);
    }

    /**
     * Arrays of 1 MiB and more (a batch of a 64 k-message generator chunk) take whole 2 MiB pages
     * where the kernel lends them on request (transparent huge pages in "madvise" mode, Debian's
     * default): each one is filled once per run, and its 4 KiB page faults, one per 100 items,
     * made a 5 M-message `simulate` on the 2-core VM 15 % slower. @p bytes is rounded up to the
     * pages taken.
     */
    static void *allocate(std::size_t &bytes)
    {
        constexpr std::size_t kHugePage = std::size_t(2) << 20;
        void *p = nullptr;
        if (bytes >= kHugePage / 2) {
            bytes = (bytes + kHugePage - 1) / kHugePage * kHugePage;
            p = std::aligned_alloc(kHugePage, bytes);
#if defined(MADV_HUGEPAGE)
            if (p)
                ::madvise(p, bytes, MADV_HUGEPAGE); // a hint: without it the pages are small
#endif
        } else {
            p = std::malloc(bytes);
        }
        if (!p)
            throw std::bad_alloc();
        return p;
    }
    struct Free
    {
        void operator()(Item *p) const { std::free(p); }
    };
    std::unique_ptr<Item, Free> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

} // namespace partlab::runtimedetail
