#include "storelog.h"

namespace saferhomes {
Q_LOGGING_CATEGORY(lcStore, "saferhomes.store", QtInfoMsg)
}
