#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QHash>
#include <QSize>
#include <QString>

#include <optional>

namespace saferhomes {

class Database;

/// `map render --out FILE.png --size WxH [--mbtiles FILE] [--area A | --fitter ID --date D]`
/// (DESIGN §9): the map as the Map mode draws it (the same renderer, the same fit), written
/// to a PNG. It draws with Qt Gui, so main() makes a QGuiApplication for it.
class MapCommand {
    Q_DECLARE_TR_FUNCTIONS(MapCommand)

public:
    explicit MapCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// {"file", "width", "height", "zoom", "households", "not_on_map", "stops"}.
    int render(Database &database, const QHash<QString, QString> &options);

    /// Whether the command line \a argv (as main() has it) runs this command.
    static bool isRequested(int argc, char *argv[]);
    /// "800x600" as a size; nothing when malformed or outside 16..8192 pixels a side.
    static std::optional<QSize> parseSize(const QString &text);

private:
    CommandOutput m_output;
};

} // namespace saferhomes
