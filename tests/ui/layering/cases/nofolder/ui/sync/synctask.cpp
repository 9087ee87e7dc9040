#include "synctask.h"
