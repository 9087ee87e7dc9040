#pragma once
#include "shell/mainwindow.h"
