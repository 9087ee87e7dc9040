#pragma once
#include "doorstep/b.h"
