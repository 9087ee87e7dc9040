#pragma once
#include "doorstep/a.h"
