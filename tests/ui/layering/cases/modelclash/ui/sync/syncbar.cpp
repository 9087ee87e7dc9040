#include "sync/syncengine.h"
