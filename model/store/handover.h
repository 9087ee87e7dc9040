#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace saferhomes {

/// Hands work from one thread that makes it to one that consumes it, holding at most a few
/// items so that the maker cannot run far ahead (and memory stays small). Either side can
/// end it: the maker when it has made everything (finish()), the consumer when it stops
/// early (cancel()), after which the maker's put() returns false.
template<typename T> class Handover {
public:
    explicit Handover(std::size_t capacity)
        : m_capacity(capacity)
    { }

    /// Waits for room, then hands \a item over; false once the consumer has cancelled.
    bool put(T &&item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_cancelled || m_items.size() < m_capacity; });
        if (m_cancelled)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }

    /// The maker has made everything.
    void finish()
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }

    /// The consumer stops taking; the maker's waiting and later put()s return false.
    void cancel()
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_items.clear();
        m_changed.notify_all();
    }

    /// Waits for the next item; nothing once the maker has finished and everything was taken.
    std::optional<T> take()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_finished || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        std::optional<T> item(std::move(m_items.front()));
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace saferhomes
