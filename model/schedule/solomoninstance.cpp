#include "solomoninstance.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include <cmath>

namespace saferhomes {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(SolomonInstance)
};

/// The file's lines with their 1-based numbers, walked from top to bottom.
class LineReader {
public:
    explicit LineReader(const QByteArray &text)
        : m_lines(text.split('\n'))
    { }

    /// The next line that is not blank, trimmed; false at the end of the file.
    bool next(QByteArray &line)
    {
        while (m_index < m_lines.size()) {
            line = m_lines[m_index++].trimmed();
            if (!line.isEmpty())
                return true;
        }
        return false;
    }
    int lineNumber() const { return int(m_index); }

private:
    QList<QByteArray> m_lines;
    qsizetype m_index = 0;
};

std::optional<std::vector<double>> numbers(const QByteArray &line)
{
    std::vector<double> out;
    for (const QByteArray &field : line.simplified().split(' ')) {
        bool ok = false;
        const double value = field.toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return std::nullopt;
        out.push_back(value);
    }
    return out;
}

bool isWholeNumber(double value)
{
    return value >= 0 && value == std::floor(value) && value < 1e9;
}

} // namespace

Result<SolomonInstance> SolomonInstance::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    return parse(file.readAll(), path);
}

Result<SolomonInstance> SolomonInstance::parse(const QByteArray &text, const QString &fileName)
{
    LineReader reader(text);
    auto fail = [&](int line, const QString &message) {
        return Error::invalid(Text::tr("%1 line %2: %3").arg(fileName).arg(line).arg(message));
    };
    SolomonInstance instance;
    QByteArray line;
    if (!reader.next(line))
        return fail(1, Text::tr("the file is empty"));
    instance.name = QString::fromUtf8(line);

    if (!reader.next(line) || line.toUpper() != "VEHICLE")
        return fail(reader.lineNumber(), Text::tr("expected the VEHICLE section"));
    if (!reader.next(line) || !line.toUpper().startsWith("NUMBER"))
        return fail(reader.lineNumber(), Text::tr("expected the NUMBER CAPACITY heading"));
    if (!reader.next(line))
        return fail(reader.lineNumber(), Text::tr("expected the vehicle count and capacity"));
    const std::optional<std::vector<double>> fleet = numbers(line);
    if (!fleet || fleet->size() != 2 || !isWholeNumber((*fleet)[0]) || (*fleet)[0] < 1
        || (*fleet)[1] < 0)
        return fail(reader.lineNumber(),
                    Text::tr("expected a vehicle count (1 or more) and a capacity"));
    instance.vehicles = int((*fleet)[0]);
    instance.capacity = (*fleet)[1];

    if (!reader.next(line) || line.toUpper() != "CUSTOMER")
        return fail(reader.lineNumber(), Text::tr("expected the CUSTOMER section"));
    if (!reader.next(line) || !line.toUpper().startsWith("CUST"))
        return fail(reader.lineNumber(), Text::tr("expected the customer column headings"));

    QSet<int> seen;
    bool depotRead = false;
    while (reader.next(line)) {
        const int lineNumber = reader.lineNumber();
        const std::optional<std::vector<double>> row = numbers(line);
        if (!row || row->size() != 7)
            return fail(lineNumber, Text::tr("expected 7 numbers (number, x, y, demand, ready "
                                             "time, due date, service time)"));
        const std::vector<double> &v = *row;
        if (!isWholeNumber(v[0]))
            return fail(lineNumber, Text::tr("the customer number must be a whole number"));
        Customer customer {int(v[0]), v[1], v[2], v[3], v[4], v[5], v[6]};
        if (seen.contains(customer.number))
            return fail(lineNumber, Text::tr("customer %1 appears twice").arg(customer.number));
        seen.insert(customer.number);
        if (customer.demand < 0 || customer.service < 0)
            return fail(lineNumber, Text::tr("negative demand or service time"));
        if (customer.ready > customer.due)
            return fail(lineNumber, Text::tr("the ready time is after the due date"));
        if (!depotRead) {
            if (customer.number != 0)
                return fail(lineNumber, Text::tr("the first customer must be the depot, 0"));
            instance.depot = customer;
            depotRead = true;
        } else {
            instance.customers.push_back(customer);
        }
    }
    if (!depotRead)
        return fail(reader.lineNumber() + 1, Text::tr("no customers"));
    return instance;
}

RoutingProblem SolomonInstance::toProblem() const
{
    RoutingProblem problem;
    std::vector<QPointF> points {QPointF(depot.x, depot.y)};
    for (const Customer &customer : customers) {
        RoutingJob job;
        job.location = int(points.size());
        job.demand = customer.demand;
        job.serviceTime = customer.service;
        job.windows = {TimeWindow {customer.ready, customer.due}};
        problem.jobs.push_back(job);
        points.push_back(QPointF(customer.x, customer.y));
    }
    RoutingVehicle vehicle;
    vehicle.startLocation = vehicle.endLocation = 0;
    vehicle.shift = {depot.ready, depot.due};
    vehicle.capacity = capacity;
    problem.vehicles.assign(size_t(vehicles), vehicle);
    problem.travel = std::make_shared<EuclideanTravelModel>(std::move(points));
    return problem;
}

} // namespace saferhomes
