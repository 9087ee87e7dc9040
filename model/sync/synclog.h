#pragma once

#include <QLoggingCategory>

namespace saferhomes {
Q_DECLARE_LOGGING_CATEGORY(lcSync)
}
