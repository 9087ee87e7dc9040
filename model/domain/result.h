#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace saferhomes {

/// Why an operation failed: what kind of failure (so callers can choose an exit code or a
/// banner) and a message for the user that names what failed.
struct Error {
    enum class Kind {
        Database, ///< the database could not be read or written (damaged, missing table, I/O)
        Locked, ///< another connection holds a lock the operation needed
        Invalid, ///< the input broke a rule (bad value, refused transition)
        NotFound, ///< the thing asked for does not exist
        Refused, ///< the operation is not allowed here (demo database, role, newer schema)
        Network, ///< the central database could not be reached or answered with an error
        Cancelled ///< the user cancelled
    };

    Kind kind = Kind::Database;
    QString message;

    static Error database(QString message) { return {Kind::Database, std::move(message)}; }
    static Error locked(QString message) { return {Kind::Locked, std::move(message)}; }
    static Error invalid(QString message) { return {Kind::Invalid, std::move(message)}; }
    static Error notFound(QString message) { return {Kind::NotFound, std::move(message)}; }
    static Error refused(QString message) { return {Kind::Refused, std::move(message)}; }
    static Error network(QString message) { return {Kind::Network, std::move(message)}; }
    static Error cancelled(QString message) { return {Kind::Cancelled, std::move(message)}; }

    /// The same failure with \a context put in front: "Reading households: no such table".
    Error within(const QString &context) const
    {
        return {kind, message.isEmpty() ? context : context + QStringLiteral(": ") + message};
    }
};

/// Either a value or the Error that stopped it from being produced: the one way model/ says
/// that something failed (no bool plus errorString, no `QString *error`, no empty string that
/// means "ok"). Reads that can fail return a Result, so a failure can never pass for an answer.
template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    /// ok(), by the name std::optional and std::expected give it.
    bool has_value() const { return ok(); }
    explicit operator bool() const { return ok(); }

    /// The value; only valid when ok().
    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    /// The failure; only valid when !ok().
    const Error &error() const { return std::get<1>(m_state); }
    QString errorString() const { return ok() ? QString() : error().message; }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

/// The result of an operation that produces nothing but can fail.
template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString errorString() const { return ok() ? QString() : m_error->message; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace saferhomes
