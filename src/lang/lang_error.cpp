#include "lang/lang_error.h"
