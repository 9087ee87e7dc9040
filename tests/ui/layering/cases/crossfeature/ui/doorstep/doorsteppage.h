#pragma once
#include "register/registerpage.h"
