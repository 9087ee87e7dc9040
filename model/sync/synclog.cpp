#include "synclog.h"

namespace saferhomes {
Q_LOGGING_CATEGORY(lcSync, "saferhomes.sync", QtInfoMsg)
}
